using Microsoft.Data.Sqlite;
using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage;
using SQLitePCL;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// Compiled statements stay compiled: a page query run again on a kept connection is not planned again. SQLite re-plans
/// a statement whose plan looked at a bound value once that value is bound again, and its planner looks at
/// <c>LIMIT @Limit</c>, so every page of seats paid a full prepare until the connections took the planner stability
/// guarantee.
/// </summary>
public sealed class StatementReuseTests : StorageTestBase<SqliteStorageProvider>
{
    // sqlite3.h's SQLITE_STMTSTATUS_REPREPARE; SQLitePCLRaw names no constant for it.
    private const int StatusReprepare = 5;

    private const string PageQuery = "SELECT id FROM seats WHERE pool_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3";

    [Fact]
    public async Task PageQuery_RunAgainOnAReadConnection_IsNotPreparedAgain()
    {
        await SeedAsync();
        await using var session = await Database.OpenReadAsync(Ct).Within();

        Assert.Equal(0, CountReprepares(session));
    }

    [Fact]
    public async Task PageQuery_RunAgainOnTheWriter_IsNotPreparedAgain()
    {
        await SeedAsync();
        await using var session = await Database.BeginWriteAsync(Ct).Within();

        Assert.Equal(0, CountReprepares(session));
    }

    private async Task SeedAsync()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        for (var i = 0; i < 5; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForEmail($"user{i}@example.com"));
        }
    }

    // Runs the query three times, with a different page size each time, as ListSeats would, and reads SQLite's own count.
    private static int CountReprepares(StorageSession session)
    {
        var handle = ((SqliteConnection)session.RawConnection).Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, PageQuery, out var statement));
        using (statement)
        {
            foreach (var limit in new[] { 2, 2, 3 })
            {
                raw.sqlite3_bind_int64(statement, 1, 1);
                raw.sqlite3_bind_int64(statement, 2, 0);
                raw.sqlite3_bind_int64(statement, 3, limit);
                var rows = 0;
                while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                {
                    rows++;
                }

                Assert.Equal(limit, rows);
                raw.sqlite3_reset(statement);
            }

            return raw.sqlite3_stmt_status(statement, StatusReprepare, 0);
        }
    }
}
