using SeatGrpc.Chaos.Tests.Faults;
using SeatGrpc.Chaos.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SeatGrpc.Chaos.Tests;

/// <summary>The model check without faults: 16 clients, small pools, gRPC and REST, checkpoints every few seconds.</summary>
public sealed class ModelCheckTests
{
    private static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(4);

    private readonly ITestOutputHelper _output;

    public ModelCheckTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task RandomHistory_Sqlite_InvariantsHold()
    {
        var settings = ChaosSettings.FromEnvironment(DefaultBudget);
        await using var cluster = await ServerCluster.StartSqliteAsync();

        await ChaosRun.RunAsync(cluster, settings, new NoFaults(settings.Budget, CheckpointInterval), _output);
    }
}
