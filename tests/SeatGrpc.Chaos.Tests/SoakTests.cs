using System.Globalization;
using SeatGrpc.Chaos.Tests.Soak;
using Xunit;
using Xunit.Abstractions;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// The soak's CI version (bench/soak.sh runs the 10-minute one): a steady mixed load for 60 s (SEATGRPC_SOAK_SECONDS).
/// No error beyond the domain's refusals, and no leak big enough to show in a minute: open files and threads end
/// within a small margin of where they were after the warm-up, and the resident memory stays under the 200 MB of
/// SPEC.md section 9. Latencies and slopes are reported, not asserted (a shared CI machine).
/// </summary>
public sealed class SoakTests
{
    private const string SecondsVariable = "SEATGRPC_SOAK_SECONDS";
    private const int Margin = 32;
    private const double MaxRssMegabytes = 200;

    private readonly ITestOutputHelper _output;

    public SoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task SteadyMixedLoad_OneMinute_NoErrorsAndNoGrowth()
    {
        var seconds = Environment.GetEnvironmentVariable(SecondsVariable) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : 60;
        var options = new SoakOptions { Duration = TimeSpan.FromSeconds(seconds), ProgressInterval = TimeSpan.FromSeconds(10), Seed = Random.Shared.Next() };

        var report = await SoakRunner.RunAsync(options, _output.WriteLine, CancellationToken.None);

        _output.WriteLine(SoakSummary.Format(report));
        Assert.True(report.Recorder.ErrorCount == 0, "Unexpected errors: " + string.Join("; ", report.Recorder.Errors));
        Assert.True(report.ServerErrors.Count == 0, "Server errors: " + string.Join('\n', report.ServerErrors));
        var steady = report.Steady;
        Assert.True(steady[^1].OpenFiles <= steady[0].OpenFiles + Margin, $"Open files grew from {steady[0].OpenFiles} to {steady[^1].OpenFiles}");
        Assert.True(steady[^1].Threads <= steady[0].Threads + Margin, $"Threads grew from {steady[0].Threads} to {steady[^1].Threads}");
        Assert.True(report.Samples.Max(s => s.RssMegabytes) <= MaxRssMegabytes, $"RSS peaked at {report.Samples.Max(s => s.RssMegabytes):0.0} MB");
    }
}
