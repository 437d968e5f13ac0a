using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Faults;
using SeatGrpc.Chaos.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// The model check on PostgreSQL with two server replicas on one database (the clients spread their calls over both):
/// quiet, then with replicas SIGKILLed and restarted and the database server stopped and started.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresChaosTests
{
    private static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(4);
    private const int Replicas = 2;
    private const int ReplicaKills = 4;
    private const int Outages = 2;
    private const string UnhealthyDatabase = "Health check seats-database with status Unhealthy";

    private readonly PostgresServer _postgres;
    private readonly ITestOutputHelper _output;

    public PostgresChaosTests(PostgresServer postgres, ITestOutputHelper output)
    {
        _postgres = postgres;
        _output = output;
    }

    [RequiresToolFact(typeof(PostgresProbe))]
    public async Task RandomHistory_PostgresTwoReplicas_InvariantsHold()
    {
        var settings = ChaosSettings.FromEnvironment(DefaultBudget);
        await using var cluster = await ServerCluster.StartPostgresAsync(_postgres.CreateDatabase("chaos_quiet"), Replicas);

        await ChaosRun.RunAsync(cluster, settings, new NoFaults(settings.Budget, CheckpointInterval), _output);
    }

    [RequiresToolFact(typeof(PostgresProbe))]
    public async Task RandomHistory_ReplicaKilledAndDatabaseRestarted_UnavailableNeverUnknownNothingHalfApplied()
    {
        var settings = ChaosSettings.FromEnvironment(TimeSpan.Zero);
        await using var cluster = await ServerCluster.StartPostgresAsync(_postgres.CreateDatabase("chaos_faults"), Replicas);
        var plan = new PostgresFaults(cluster, _postgres.Cluster, ReplicaKills, Outages, TimeSpan.FromSeconds(1.5));

        // While the database is down the health check reports it, at Error: expected here, and only here.
        var history = await ChaosRun.RunAsync(
            cluster, settings, plan, _output, allowedServerErrors: errors => ServerErrors.Unexpected(errors).Where(e => !e.Contains(UnhealthyDatabase, StringComparison.Ordinal)).ToList());

        // The outages were seen, as UNAVAILABLE from the server (a broken or UNKNOWN answer fails the run on its own).
        var unavailable = history.Calls.SelectMany(c => c.Attempts).Count(a => a.Outcome is InDoubt { Why: var why } && why.Contains("DATABASE_UNAVAILABLE", StringComparison.Ordinal));
        _output.WriteLine($"{unavailable} attempts answered UNAVAILABLE DATABASE_UNAVAILABLE during the outages");
        Assert.True(unavailable > 0, "No call saw the database outage: the fault was not injected under load.");
    }
}
