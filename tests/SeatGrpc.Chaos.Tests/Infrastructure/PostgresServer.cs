using Npgsql;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the PostgreSQL chaos tests (each test creates its own database in it), which a
/// test may stop and start again.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private PostgresCluster? _cluster;
    private string? _problem;

    /// <summary>Gets the running cluster (started on first use).</summary>
    internal PostgresCluster Cluster => _cluster ??= PostgresCluster.TryStart(out _problem) ?? throw new InvalidOperationException(_problem);

    /// <summary>Creates a database and returns the connection string the servers use for it.</summary>
    internal string CreateDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(Cluster.AdminConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();

            // PostgresCluster runs with synchronous_commit=off for speed, which lets an immediate stop (a crash) drop
            // commits already acknowledged. The chaos tests check exactly that nothing acknowledged is lost, so their
            // databases commit durably (a database setting overrides the server's command line).
            using var durable = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET synchronous_commit = on", connection);
            durable.ExecuteNonQuery();
        }

        // A short connect timeout: while the server is down, a call fails fast (UNAVAILABLE) instead of hanging.
        return new NpgsqlConnectionStringBuilder(Cluster.AdminConnectionString) { Database = name, Pooling = true, Timeout = 3 }.ConnectionString;
    }

    public void Dispose() => _cluster?.Dispose();
}
