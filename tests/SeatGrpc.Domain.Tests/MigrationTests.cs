using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Tests;

public abstract class MigrationTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [StorageFact]
    public async Task Open_SecondTime_AppliesNoMigrationAgainAndKeepsData()
    {
        var pool = await CreatePoolAsync();
        Database.Dispose();

        using var reopened = await Provider.OpenAsync(Ct).Within();

        await using var session = await reopened.OpenReadAsync(Ct).Within();
        var applied = await Dapper.SqlMapper.ExecuteScalarAsync<long>(session.Connection, "SELECT COUNT(*) FROM schema_migrations").Within();
        Assert.Equal(SchemaVersions.Latest, applied);
        Assert.NotNull(await reopened.Pools.FindByNameAsync(session, Caller.DefaultTenant, pool.Name, Ct).Within());
    }

    [StorageFact]
    public async Task Open_DatabaseFromNewerBinary_ThrowsNamingBothVersions()
    {
        await ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_time) VALUES (999, '0999_future.sql', 0)");
        Database.Dispose();

        var error = await Assert.ThrowsAsync<SchemaVersionException>(() => Provider.OpenAsync(Ct).Within());

        Assert.Equal((999L, (long)SchemaVersions.Latest), (error.DatabaseVersion, error.BinaryVersion));
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SchemaVersions.Latest}", error.Message, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task Open_NewDatabase_HasPartialUniqueIndexes()
    {
        var pool = await CreatePoolAsync();
        var seat = await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"));

        var sameEmailActive = Record.ExceptionAsync(() => ExecuteAsync(
            "INSERT INTO seats (public_id, pool_id, status, email_normalized, email, metadata, create_time, update_time, version) " +
            "SELECT 'dup', pool_id, 'pending', 'a@example.com', 'a@example.com', '{}', 0, 0, 1 FROM seats"));

        Assert.NotNull(await sameEmailActive.Within());
        await Allocator.RevokeSeatAsync(seat.Seat.Name, null, null, null, Ct).Within();
        await ExecuteAsync(
            "INSERT INTO seats (public_id, pool_id, status, email_normalized, email, metadata, create_time, update_time, version) " +
            "SELECT 'dup', pool_id, 'pending', 'a@example.com', 'a@example.com', '{}', 0, 0, 1 FROM seats");
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM seats"));
    }
}

public sealed class SqliteMigrationTests : MigrationTests<SqliteStorageProvider>
{
    [StorageFact]
    public async Task Open_Sqlite_UsesWalJournal()
    {
        await using var session = await Database.OpenReadAsync(Ct).Within();
        await using var command = session.Connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        var mode = (string?)await command.ExecuteScalarAsync(Ct).Within();

        Assert.Equal("wal", mode);
    }
}

public sealed class PostgresMigrationTests : MigrationTests<PostgresStorageProvider>;
