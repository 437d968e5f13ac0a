using Microsoft.Data.Sqlite;
using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// SQLite commits go to the WAL; a background checkpoint copies them into the database file itself, off the writers'
/// path. SQLite's own checkpoint now runs only past 64 MB of WAL, so a few writes reach the file only through it.
/// </summary>
public sealed class CheckpointTests : StorageTestBase<SqliteStorageProvider>
{
    [Fact]
    public async Task Writes_ShortlyAfter_AreInTheDatabaseFileWithoutItsWal()
    {
        var pool = await CreatePoolAsync(totalSeats: 10);
        for (var i = 0; i < 5; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForEmail($"user{i}@example.com"));
        }

        // A copy of the file alone shows only what was checkpointed into it.
        var seats = 0L;
        for (var attempt = 0; attempt < 100 && seats < 5; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), Ct);
            seats = CountSeatsInFileAlone();
        }

        Assert.Equal(5, seats);
    }

    [Fact]
    public async Task ReadSnapshot_OpenWhileCheckpointsRun_KeepsItsView()
    {
        var pool = await CreatePoolAsync(totalSeats: 10);
        await AssignAsync(pool.Name, Grantee.ForEmail("first@example.com"));
        await using var snapshot = await Database.BeginSnapshotAsync(Ct).Within();
        var before = await Dapper.SqlMapper.ExecuteScalarAsync<long>(snapshot.Connection, "SELECT COUNT(*) FROM seats", transaction: snapshot.Transaction).Within();

        for (var i = 0; i < 5; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForEmail($"later{i}@example.com"));
        }

        // Several checkpoint intervals pass while the snapshot is open; it still needs the WAL's older pages.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        var after = await Dapper.SqlMapper.ExecuteScalarAsync<long>(snapshot.Connection, "SELECT COUNT(*) FROM seats", transaction: snapshot.Transaction).Within();

        Assert.Equal(1, before);
        Assert.Equal(before, after);
        Assert.Equal(6, await CountAsync("SELECT COUNT(*) FROM seats"));
    }

    private long CountSeatsInFileAlone()
    {
        var copy = Provider.DatabasePath + ".copy";
        File.Copy(Provider.DatabasePath, copy, overwrite: true);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM seats";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // Copied halfway through a checkpoint's writes: try again.
            return -1;
        }
    }
}
