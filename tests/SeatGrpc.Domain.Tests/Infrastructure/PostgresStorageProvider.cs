using Npgsql;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>A fresh database on the run's PostgreSQL server per instance, dropped afterwards.</summary>
[StorageProbe(typeof(PostgresServerProbe))]
public sealed class PostgresStorageProvider : IStorageProvider
{
    private readonly Lazy<string> _database;

    public PostgresStorageProvider()
    {
        _database = new Lazy<string>(CreateDatabase);
    }

    public string ConnectionString => PostgresTestServer.Instance.ConnectionStringFor(_database.Value);

    /// <summary>The same database through a separate connection pool, as another replica would see it.</summary>
    public string ConnectionStringForReplica(int replica) => new NpgsqlConnectionStringBuilder(ConnectionString)
    {
        ApplicationName = $"SeatGrpc replica {replica}",
    }.ConnectionString;

    public Task<SeatDatabase> OpenAsync(CancellationToken cancellationToken)
    {
        return SeatDatabase.OpenPostgresAsync(new PostgresStorageOptions(ConnectionString), loggerFactory: null, cancellationToken);
    }

    public string CountIndexSql => "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'seats' AND indexname = @Name";

    public async Task RestoreVersionAsync(int version, CancellationToken cancellationToken)
    {
        // The dump sets search_path for its session: a connection of its own, not one from the pool.
        var script = await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", $"seats-v{version}.postgres.sql"), cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var restore = new NpgsqlCommand(script, connection);
        await restore.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_database.IsValueCreated)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresTestServer.Instance.AdminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database.Value}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string CreateDatabase()
    {
        var name = "seatgrpc_test_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(PostgresTestServer.Instance.AdminConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
        create.ExecuteNonQuery();
        return name;
    }
}
