using SeatGrpc.Chaos.Tests.Faults;
using SeatGrpc.Chaos.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// The model check while the server is SIGKILLed at random moments and restarted on the same SQLite file: no
/// acknowledged change is lost, a batch in flight at the kill is wholly there or wholly absent, and the invariants
/// hold at the checkpoint after every restart.
/// </summary>
public sealed class CrashTests
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan MaximumGap = TimeSpan.FromMilliseconds(1400);

    private readonly ITestOutputHelper _output;

    public CrashTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task RandomHistory_SqliteServerKilledAndRestarted_NoAcknowledgedChangeLost()
    {
        var settings = ChaosSettings.FromEnvironment(TimeSpan.Zero);
        await using var cluster = await ServerCluster.StartSqliteAsync();

        await ChaosRun.RunAsync(cluster, settings, new KillRestart(cluster, settings.Kills, MinimumGap, MaximumGap), _output);
    }
}
