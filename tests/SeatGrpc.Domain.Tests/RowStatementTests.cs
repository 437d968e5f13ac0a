using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;
using SQLitePCL;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// SQLite's seat reads run on statements of their own, read through SQLite's C API (<see cref="SqliteRowStatement"/>):
/// they must read every column as Microsoft.Data.Sqlite's reader does, leave nothing open behind them when a read
/// fails, and be finalized before their connection closes.
/// </summary>
public sealed class RowStatementTests : StorageTestBase<SqliteStorageProvider>
{
    private const string AllSeats = "SELECT " + SeatRowReader.Columns + " FROM (SELECT s.*, 'subscriptions/x' AS parent FROM seats s) WHERE id > @AfterId ORDER BY id";

    [Fact]
    public async Task SeatRows_EveryKindOfValue_ReadAsTheDataReaderReadsThem()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        await Allocator.AssignSeatAsync(
            pool.Name, Grantee.ForEmail("zoë.ångström@exämple.com"), new Dictionary<string, string> { ["team"] = "日本語 ✓", ["empty"] = "" },
            immediateClaim: false, null, null, Ct).Within();
        await AssignAsync(pool.Name, Grantee.ForCustomer("cus_1"), immediateClaim: true);
        await AssignAsync(pool.Name, new Grantee(null, null, "ext_1"));
        var revoked = await AssignAsync(pool.Name, Grantee.ForEmail("gone@example.com"));
        await Allocator.RevokeSeatAsync(revoked.Seat.Name, null, null, null, Ct).Within();
        await ExecuteAsync("UPDATE seats SET version = 9007199254740993 WHERE email = 'gone@example.com'");

        await using var session = await Database.OpenReadAsync(Ct).Within();
        var native = await RowReads.ReadAllAsync<SeatRow, SeatRowReader>(session, session.Command(AllSeats).With("@AfterId", 0L), 4, Ct).Within();
        var expected = new List<SeatRow>();
        var plain = ((SqliteConnection)session.RawConnection).CreateCommand();
        plain.CommandText = AllSeats;
        plain.Parameters.AddWithValue("@AfterId", 0L);
        await using (var reader = await plain.ExecuteReaderAsync(Ct).Within())
        {
            while (await reader.ReadAsync(Ct).Within())
            {
                expected.Add(SeatRowReader.Read(new DataReaderColumns(reader)));
            }
        }

        Assert.Equal(4, native.Count);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(native));
        var first = native[0];
        Assert.Equal("zoë.ångström@exämple.com", first.Email);
        Assert.Equal("日本語 ✓", JsonSerializer.Deserialize<Dictionary<string, string>>(first.Metadata)!["team"]);
        Assert.Contains(native, row => row.Email is null && row.CustomerId is null && row.ExternalCustomerId == "ext_1");
        Assert.Contains(native, row => row.RevokeTime is not null && row.Version == 9007199254740993);
    }

    [Fact]
    public async Task EventRows_EveryKindOfValue_ReadAsDapperReadThem()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        await AssignAsync(pool.Name, Grantee.ForEmail("zoë@exämple.com"));
        var claimed = await AssignAsync(pool.Name, Grantee.ForCustomer("cus_1"), immediateClaim: true);
        await Allocator.RevokeSeatAsync(claimed.Seat.Name, null, null, null, Ct).Within();
        await Allocator.UpsertPoolAsync(new PoolSettings(pool.Name, 7, "cus_owner"), null, null, Ct).Within();
        await ExecuteAsync("UPDATE seat_events SET previous_email = 'ann@example.com', previous_seat_name = 'seats/x', request_id = 'r-1' WHERE sequence = 2");

        await using var session = await Database.OpenReadAsync(Ct).Within();
        var poolId = await Database.Pools.FindIdByNameAsync(session, Caller.DefaultTenant, pool.Name, Ct).Within();
        var native = await Database.Events.ReadAfterAsync(session, poolId!.Value, 0, 100, Ct).Within();
        var dapper = await session.Connection.QueryAsync<SeatEventRow>(new CommandDefinition(
            """
            SELECT pool_id, sequence, type, seat_name, previous_seat_name, email, customer_id, external_customer_id,
                   previous_email, previous_customer_id, previous_external_customer_id, total_seats, time, request_id, key_id
            FROM seat_events WHERE pool_id = @PoolId ORDER BY sequence
            """, new { PoolId = poolId }, cancellationToken: Ct)).Within();

        Assert.True(native.Count >= 5);
        Assert.Equal(JsonSerializer.Serialize(dapper), JsonSerializer.Serialize(native));
        Assert.Contains(native, row => row.TotalSeats == 7);
        Assert.Contains(native, row => row.PreviousEmail == "ann@example.com" && row.RequestId == "r-1");
    }

    [Fact]
    public async Task ClaimedSeatsWithTheirPools_ReadAsDapperReadThem()
    {
        foreach (var name in new[] { "subscriptions/a", "subscriptions/b" })
        {
            var pool = await CreatePoolAsync(name, totalSeats: 3);
            await AssignAsync(pool.Name, Grantee.ForCustomer("cus_1"), immediateClaim: true);
        }

        await using var session = await Database.OpenReadAsync(Ct).Within();
        var native = await Database.Seats.ListClaimedByCustomerAsync(session, Caller.DefaultTenant, "cus_1", 0, 10, Ct).Within();
        var dapper = await session.Connection.QueryAsync<SeatRow, PoolRow, (SeatRow, PoolRow)>(
            """
            SELECT s.id, s.public_id, s.pool_id, p.name AS parent, s.status, s.email, s.customer_id, s.external_customer_id,
                   s.metadata, s.invitation_expire_time, s.claim_time, s.revoke_time, s.create_time, s.update_time, s.version,
                   p.id, p.name, p.customer_id, p.total_seats, p.min_seats, p.max_seats, p.occupied_seats,
                   p.last_event_sequence, p.create_time, p.update_time, p.version
            FROM seats s JOIN pools p ON p.id = s.pool_id ORDER BY s.id
            """,
            static (seat, pool) => (seat, pool), splitOn: "id").Within();

        Assert.Equal(2, native.Count);
        Assert.Equal(
            JsonSerializer.Serialize(dapper.Select(row => new { row.Item1, row.Item2 })),
            JsonSerializer.Serialize(native.Select(row => new { Item1 = row.Seat, Item2 = row.Pool })));
        Assert.Equal(["subscriptions/a", "subscriptions/b"], native.Select(row => row.Pool.Name));
    }

    [Fact]
    public async Task Read_ThatThrewMidway_LeavesNoSnapshotBehind_AndRunsAgain()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        await AssignAsync(pool.Name, Grantee.ForEmail("bob@example.com"));

        await using var session = await Database.OpenReadAsync(Ct).Within();
        var command = session.Command(AllSeats).With("@AfterId", 0L);
        var statement = session.RowStatement(command)!;
        Assert.Throws<InvalidOperationException>(() => statement.ReadAll<long, IdsFailingOnTheSecondSeat>(command.Parameters, 2));

        // Left unreset, the statement would hold its read transaction, and this connection would not see the next commit.
        await AssignAsync(pool.Name, Grantee.ForEmail("cy@example.com"));
        var ids = statement.ReadAll<long, Ids>(command.Parameters, 3);

        Assert.Equal(3, ids.Count);
    }

    private sealed class Ids : IRowReader<long>
    {
        public static long Read<TColumns>(TColumns row)
            where TColumns : struct, IRowColumns => row.Int64(0);
    }

    // Ann's row reads, Bob's (the second) throws.
    private sealed class IdsFailingOnTheSecondSeat : IRowReader<long>
    {
        public static long Read<TColumns>(TColumns row)
            where TColumns : struct, IRowColumns =>
            row.NullableString(5) == "bob@example.com" ? throw new InvalidOperationException("the second row") : row.Int64(0);
    }

    [Fact]
    public async Task Statements_AreFinalizedWithTheirCache_SoTheConnectionClosesCleanly()
    {
        await using var connection = new SqliteConnection($"Data Source={Provider.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct).Within();
        connection.Handle!.enable_sqlite3_next_stmt(true);
        var cache = new CommandCache();
        var statement = cache.RowStatement(connection, "SELECT id FROM seats WHERE id > @AfterId");
        Assert.Same(statement, cache.RowStatement(connection, "SELECT id FROM seats WHERE id > @AfterId"));
        Assert.NotNull(raw.sqlite3_next_stmt(connection.Handle, null));

        cache.Dispose();

        Assert.Null(raw.sqlite3_next_stmt(connection.Handle, null));
    }

    [Fact]
    public async Task ColumnCalls_GoToTheSqliteLibraryThatSqlitePclRawLoaded()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        Assert.Single((await Allocator.ListSeatsAsync(pool.Name, null, 0, null, Ct).Within()).Seats);

        // Two copies of SQLite in one process would each have their own allocator and locks for one statement.
        var copies = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .Where(path => Path.GetFileName(path).StartsWith("libe_sqlite3", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.True(copies.Count == 1, $"SQLite libraries mapped: {string.Join(", ", copies)}");
    }
}
