using SeatGrpc.Chaos.Tests.Infrastructure;
using SeatGrpc.Chaos.Tests.Model;
using SeatGrpc.Chaos.Tests.Workload;
using Xunit;
using Xunit.Abstractions;

namespace SeatGrpc.Chaos.Tests.Faults;

/// <summary>
/// A run: create the pools, start the clients, then rounds of the fault plan, each followed by a checkpoint (a model
/// check of everything so far), then a stop and a last checkpoint. Fails with the seed and the violations.
/// </summary>
internal static class ChaosRun
{
    // However the budget is set, a hung run fails rather than stalling CI.
    private static readonly TimeSpan HardLimit = TimeSpan.FromMinutes(15);

    public static async Task<History> RunAsync(
        ServerCluster cluster, ChaosSettings settings, IFaultPlan plan, ITestOutputHelper output, WorkloadOptions? options = null,
        Func<IReadOnlyList<string>, IReadOnlyList<string>>? allowedServerErrors = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(settings.Replay);
        using var limit = new CancellationTokenSource(HardLimit);
        var runner = new WorkloadRunner(cluster, options ?? new WorkloadOptions(), settings.Seed);
        await runner.CreatePoolsAsync(limit.Token);
        runner.Start(limit.Token);
        var random = new Random(settings.Seed ^ 0x0C4EC4);
        var violations = new List<string>();
        var when = "at the end";
        var checkpoints = 0;
        try
        {
            while (!plan.Done && violations.Count == 0)
            {
                await plan.RoundAsync(random, limit.Token);
                var result = await Checkpoint.RunAsync(runner.Context, random, limit.Token);
                checkpoints++;
                violations.AddRange(result.Violations);
                when = $"at checkpoint {checkpoints} ({plan.Summary})";
            }
        }
        finally
        {
            await runner.StopAsync().WaitAsync(TimeSpan.FromMinutes(3));
        }

        if (violations.Count == 0)
        {
            var last = await Checkpoint.RunAsync(runner.Context, random, limit.Token);
            violations.AddRange(last.Violations);
            output.WriteLine($"final checkpoint: {last.Calls} calls against {last.Events} events; {last.InDoubt}");
            when = $"at the end ({plan.Summary})";
        }

        output.WriteLine($"{plan.Summary}; {checkpoints} checkpoints");
        output.WriteLine(RunReport.Counts(runner.History));
        var errors = cluster.ErrorLogLines();
        var unexpected = (allowedServerErrors ?? ServerErrors.Unexpected)(errors);
        violations.AddRange(unexpected.Select(e => "the server logged an error: " + e));
        Assert.True(violations.Count == 0, RunReport.Failure(settings, when, violations, errors));
        return runner.History;
    }
}
