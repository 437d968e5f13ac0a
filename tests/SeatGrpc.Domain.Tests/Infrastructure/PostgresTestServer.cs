using Npgsql;
using SeatGrpc.Testing;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run: the one named by <c>SEATGRPC_TEST_POSTGRES</c>, or else a throwaway
/// <see cref="PostgresCluster"/> (shared test support), stopped when the test process ends.
/// Each provider creates and drops its own database on it.
/// </summary>
public sealed class PostgresTestServer
{
    public const string ConnectionVariable = "SEATGRPC_TEST_POSTGRES";

    private static readonly Lazy<(PostgresTestServer? Server, string? Problem)> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresTestServer(string adminConnectionString)
    {
        AdminConnectionString = adminConnectionString;
    }

    /// <summary>A superuser connection to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Why no server is available, or null.</summary>
    public static string? Problem => Shared.Value.Problem;

    /// <summary>The server; throws with the reason when none could be had.</summary>
    public static PostgresTestServer Instance => Shared.Value.Server ?? throw new InvalidOperationException(Shared.Value.Problem);

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database, int maxPoolSize = 100) => new NpgsqlConnectionStringBuilder(AdminConnectionString)
    {
        Database = database,
        MaxPoolSize = maxPoolSize,
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

    private static (PostgresTestServer?, string?) Start()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            var problem = PostgresCluster.TryConnect(given);
            return problem is null
                ? (new PostgresTestServer(given), null)
                : (null, $"{ConnectionVariable} is set, but the server cannot be reached: {problem}");
        }

        // The cluster lives as long as the test process; its watchdog stops it then.
        var cluster = PostgresCluster.TryStart(out var missing);
        return cluster is null
            ? (null, missing?.Replace("No PostgreSQL server:", $"No PostgreSQL server: set {ConnectionVariable}, or", StringComparison.Ordinal))
            : (new PostgresTestServer(cluster.AdminConnectionString), null);
    }
}
