using System.Text.Json;
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
        var native = await SeatRowReader.ReadAllAsync(session, session.Command(AllSeats).With("@AfterId", 0L), 4, Ct).Within();
        var expected = new List<SeatRow>();
        var plain = ((SqliteConnection)session.RawConnection).CreateCommand().Also(AllSeats);
        plain.Parameters.AddWithValue("@AfterId", 0L);
        await using (var reader = await plain.ExecuteReaderAsync(Ct).Within())
        {
            while (await reader.ReadAsync(Ct).Within())
            {
                expected.Add(SeatRowReader.Read(reader));
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
    public async Task Read_ThatThrewMidway_LeavesNoSnapshotBehind_AndRunsAgain()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        await AssignAsync(pool.Name, Grantee.ForEmail("bob@example.com"));

        await using var session = await Database.OpenReadAsync(Ct).Within();
        var command = session.Command(AllSeats).With("@AfterId", 0L);
        var statement = session.RowStatement(command)!;
        var read = 0;
        Assert.Throws<InvalidOperationException>(() => statement.ReadAll(
            command.Parameters, row => ++read < 2 ? row.Int64(0) : throw new InvalidOperationException("the second row"), 2));

        // Left unreset, the statement would hold its read transaction, and this connection would not see the next commit.
        await AssignAsync(pool.Name, Grantee.ForEmail("cy@example.com"));
        var ids = statement.ReadAll(command.Parameters, row => row.Int64(0), 3);

        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task Statements_AreFinalizedWithTheirCache_SoTheConnectionClosesCleanly()
    {
        await using var connection = await OpenPlainAsync(defaultTimeout: 30);
        connection.Handle!.enable_sqlite3_next_stmt(true);
        var cache = new CommandCache();
        var statement = cache.RowStatement(connection, "SELECT id FROM seats WHERE id > @AfterId");
        Assert.Same(statement, cache.RowStatement(connection, "SELECT id FROM seats WHERE id > @AfterId"));
        Assert.NotNull(raw.sqlite3_next_stmt(connection.Handle, null));

        cache.Dispose();

        Assert.Null(raw.sqlite3_next_stmt(connection.Handle, null));
    }

    // A connection of its own to the test's database, outside the storage layer's pools.
    private async Task<SqliteConnection> OpenPlainAsync(int defaultTimeout)
    {
        var connection = new SqliteConnection($"Data Source={Provider.DatabasePath};Pooling=False;Default Timeout={defaultTimeout}");
        await connection.OpenAsync(Ct).Within();
        return connection;
    }
}

internal static class CommandTextExtensions
{
    public static SqliteCommand Also(this SqliteCommand command, string sql)
    {
        command.CommandText = sql;
        return command;
    }
}
