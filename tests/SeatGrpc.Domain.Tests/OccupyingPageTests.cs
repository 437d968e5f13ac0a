using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage.Internal;
using SeatGrpc.Testing;
using SQLitePCL;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// ListSeats without a status lists the seats that occupy capacity, pending and claimed, in creation order; a pool that
/// has reassigned its seats many times lists them as fast as a new one: its revoked seats are never read.
/// </summary>
public abstract class OccupyingPageTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    protected const int Revoked = 1000;
    protected const int Active = 55;

    [StorageFact]
    public async Task ListSeats_PoolWithLongRevokedHistory_PagesPendingAndClaimedInCreationOrder()
    {
        var expected = await FillChurnedPoolAsync("subscriptions/churned");

        var first = await Allocator.ListSeatsAsync("subscriptions/churned", null, 50, null, Ct).Within();
        var second = await Allocator.ListSeatsAsync("subscriptions/churned", null, 50, first.NextPageToken, Ct).Within();

        Assert.Equal(expected, first.Seats.Concat(second.Seats).Select(s => s.Name));
        Assert.Contains(first.Seats, s => s.Status == SeatStatus.Pending);
        Assert.Contains(first.Seats, s => s.Status == SeatStatus.Claimed);
        Assert.Null(second.NextPageToken);
        Assert.Equal(60 - Active, first.AvailableSeats);
    }

    /// <summary>Assigns and revokes <see cref="Revoked"/> seats, then assigns <see cref="Active"/>, every other one claimed.</summary>
    protected async Task<List<string>> FillChurnedPoolAsync(string name)
    {
        await CreatePoolAsync(name, totalSeats: 60);
        for (var round = 0; round < Revoked / 50; round++)
        {
            var grantees = Enumerable.Range(0, 50).Select(i => Grantee.ForEmail($"gone{round}-{i}@example.com")).ToList();
            await Allocator.ApplyBatchAsync(name, grantees.Select(g => new AssignChange(g)).ToList(), null, null, Ct).Within();
            await Allocator.ApplyBatchAsync(name, grantees.Select(g => new UnassignChange(g)).ToList(), null, null, Ct).Within();
        }

        var active = Enumerable.Range(0, Active)
            .Select(i => (SeatChange)new AssignChange(Grantee.ForEmail($"here{i}@example.com"), ImmediateClaim: i % 2 == 0))
            .ToList();
        var batch = await Allocator.ApplyBatchAsync(name, active, null, null, Ct).Within();
        return batch.Value!.Results.Select(r => r.Seat.Name).ToList();
    }
}

public sealed class PostgresOccupyingPageTests : OccupyingPageTests<PostgresStorageProvider>
{
    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task FirstPage_AfterAThousandRevokedSeats_ReadsAboutAPageOfRows()
    {
        await FillChurnedPoolAsync("subscriptions/churned");
        var poolId = await CountAsync("SELECT id FROM pools WHERE name = @Name", new { Name = "subscriptions/churned" });

        await using var connection = new NpgsqlConnection(Provider.ConnectionString);
        await connection.OpenAsync(Ct).Within();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + SeatRepository.SelectOccupyingPageInPoolLimitingEachRun, connection);
        explain.Parameters.AddWithValue("Parent", "subscriptions/churned");
        explain.Parameters.AddWithValue("PoolId", poolId);
        explain.Parameters.AddWithValue("AfterId", 0L);
        explain.Parameters.AddWithValue("Limit", 51L);
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(Ct).Within())!);

        // Every row a scan touched: those it returned and those its filter threw away.
        var read = Scans(plan.RootElement[0].GetProperty("Plan"))
            .Sum(node => node.GetProperty("Actual Rows").GetInt64()
                + (node.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetInt64() : 0));
        Assert.InRange(read, 51, 2 * 51);
    }

    private static IEnumerable<JsonElement> Scans(JsonElement node)
    {
        if (node.GetProperty("Node Type").GetString()!.Contains("Scan", StringComparison.Ordinal))
        {
            yield return node;
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Scans))
            {
                yield return child;
            }
        }
    }
}

public sealed class SqliteOccupyingPageTests : OccupyingPageTests<SqliteStorageProvider>
{
    // sqlite3.h's SQLITE_STMTSTATUS_VM_STEP: the virtual machine steps a statement ran, a count of the work it did.
    private const int StatusVmSteps = 4;

    [Fact]
    public async Task FirstPage_AfterAThousandRevokedSeats_CostsWhatItCostsInANewPool()
    {
        await FillChurnedPoolAsync("subscriptions/churned");
        await CreatePoolAsync("subscriptions/new", totalSeats: 60);
        await Allocator.ApplyBatchAsync(
            "subscriptions/new",
            Enumerable.Range(0, Active).Select(i => (SeatChange)new AssignChange(Grantee.ForEmail($"new{i}@example.com"), ImmediateClaim: i % 2 == 0)).ToList(),
            null,
            null,
            Ct).Within();

        var churned = await CountPageStepsAsync("subscriptions/churned");
        var fresh = await CountPageStepsAsync("subscriptions/new");

        // The seats' ids differ, so the counts may differ a little; walking the thousand revoked seats cost five times as much.
        Assert.InRange(churned, fresh * 9 / 10, fresh * 11 / 10);
    }

    private async Task<int> CountPageStepsAsync(string pool)
    {
        var poolId = await CountAsync("SELECT id FROM pools WHERE name = @Name", new { Name = pool });
        await using var session = await Database.OpenReadAsync(Ct).Within();
        var handle = ((SqliteConnection)session.RawConnection).Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, SeatRepository.SelectOccupyingPageInPool, out var statement));
        using (statement)
        {
            Bind(statement, "@Parent", pool);
            Bind(statement, "@PoolId", poolId);
            Bind(statement, "@AfterId", 0L);
            Bind(statement, "@Limit", 51L);
            var rows = 0;
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
            {
                rows++;
            }

            Assert.Equal(51, rows);
            return raw.sqlite3_stmt_status(statement, StatusVmSteps, 0);
        }
    }

    private static void Bind(sqlite3_stmt statement, string name, object value)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, name);
        Assert.True(index > 0, $"the page query has no parameter {name}");
        var result = value is string text ? raw.sqlite3_bind_text(statement, index, text) : raw.sqlite3_bind_int64(statement, index, (long)value);
        Assert.Equal(raw.SQLITE_OK, result);
    }
}
