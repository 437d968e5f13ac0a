using System.Diagnostics;
using System.Globalization;
using SeatGrpc.Chaos.Tests.Infrastructure;
using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>
/// A steady mixed load (the model check's workload, paced to a fixed rate, without short deadlines) against the real
/// server on SQLite, sampling the server's process as it goes and printing a progress line now and then.
/// </summary>
internal static class SoakRunner
{
    public static async Task<SoakReport> RunAsync(SoakOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        await using var cluster = await ServerCluster.StartSqliteAsync().ConfigureAwait(false);
        var server = cluster.Replicas[0].Current!.Process;
        var recorder = new SoakRecorder(options.Duration, options.Window);
        var workload = new WorkloadOptions
        {
            Clients = options.Clients,
            Rate = options.Rate,
            ShortDeadlines = false,
            RecordHistory = false,
            CallTimeout = TimeSpan.FromSeconds(30),
        };
        var runner = new WorkloadRunner(cluster, workload, options.Seed, recorder);
        await runner.CreatePoolsAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        runner.Start(cancellationToken);
        var samples = new List<ProcessSample> { ProcessSampler.Read(server.Id, clock.Elapsed) };
        var nextProgress = options.ProgressInterval;
        try
        {
            while (clock.Elapsed < options.Duration)
            {
                var wait = Min(options.SampleInterval, options.Duration - clock.Elapsed);
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                samples.Add(ProcessSampler.Read(server.Id, clock.Elapsed));
                if (clock.Elapsed >= nextProgress || clock.Elapsed >= options.Duration)
                {
                    log(ProgressLine(clock.Elapsed, options, recorder, samples[^1]));
                    nextProgress += options.ProgressInterval;
                }
            }
        }
        finally
        {
            await runner.StopAsync().WaitAsync(TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
        }

        return new SoakReport(options, samples, recorder, clock.Elapsed, ServerErrors.Unexpected(cluster.ErrorLogLines()));
    }

    private static string ProgressLine(TimeSpan at, SoakOptions options, SoakRecorder recorder, ProcessSample sample)
    {
        var window = recorder.NextProgress();
        var rate = window.Count() / options.ProgressInterval.TotalSeconds;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{at.TotalSeconds,5:0}s / {options.Duration.TotalSeconds:0}s] {rate,6:0.0} calls/s, p50 {window.Percentile(null, 50):0.0} ms, p99 {window.Percentile(null, 99):0.0} ms, " +
            $"errors {recorder.ErrorCount} | server RSS {sample.RssMegabytes:0.0} MB, threads {sample.Threads}, fds {sample.OpenFiles}, CPU {sample.CpuSeconds:0.0} s");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
