using System.Diagnostics;
using Grpc.Core;
using Seats.V1;

namespace SeatGrpc.Bench;

/// <summary>
/// <c>assign</c>: C concurrent callers in a closed loop, each assigning a seat to a new grantee of one big pool (with a
/// request id, as a careful client sends). After a warm-up, reports calls/s and the latency percentiles.
/// </summary>
internal static class AssignCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var runId = Pools.NewRunId();
        var pool = args.Text("pool", $"subscriptions/bench-assign-{runId}");
        var concurrency = Math.Max(1, args.Int("concurrency", 32));
        var duration = args.Double("duration", 15);
        var warmup = args.Double("warmup", 5);
        var requestIds = args.Text("request-ids", "true") != "false";
        var serverCpu = ServerCpu.From(args);
        var databaseCpu = ServerCpu.DatabaseFrom(args);
        using var target = await BenchTarget.ConnectAsync(args);
        args.RejectUnknown();

        await Pools.UpsertAsync(target.Clients[0], pool, 2_000_000_000);
        var recorder = new LatencyRecorder(concurrency);
        var errors = new ErrorCounter();
        long calls = 0;
        long succeeded = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();

        async Task WorkerAsync(int worker)
        {
            var client = target.Client(worker);
            var request = new AssignSeatRequest { Parent = pool };
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                request.Email = $"a{worker}-{n}-{runId}@bench.example";
                request.RequestId = requestIds ? Guid.NewGuid().ToString() : string.Empty;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.AssignSeatAsync(request).ConfigureAwait(false);
                }
                catch (RpcException ex)
                {
                    errors.Add(ex);
                    continue;
                }

                Interlocked.Increment(ref succeeded);
                if (Volatile.Read(ref measuring))
                {
                    recorder.Record(worker, LatencyRecorder.Micros(started, Stopwatch.GetTimestamp()));
                    Interlocked.Increment(ref calls);
                }
            }
        }

        Console.Error.WriteLine(FormattableString.Invariant(
            $"assign: {concurrency} callers on {target.Clients.Length} connection(s), {pool}, warm-up {warmup}s, measure {duration}s"));
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(() => WorkerAsync(w))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
        errors.ThrowIfOnlyErrors(Interlocked.Read(ref succeeded));
        recorder.Clear();
        Volatile.Write(ref measuring, true);
        serverCpu?.Start();
        databaseCpu?.Start();
        var clock = Stopwatch.StartNew();
        await using (new Progress("assign", "calls", duration, () => Interlocked.Read(ref calls), () => errors.Count))
        {
            await Task.Delay(TimeSpan.FromSeconds(duration)).ConfigureAwait(false);
            Volatile.Write(ref measuring, false);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuPerCall = serverCpu?.MicrosPer(Interlocked.Read(ref calls)) ?? 0;
        var dbCpuPerCall = databaseCpu?.MicrosPer(Interlocked.Read(ref calls)) ?? 0;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);
        var summary = recorder.Summarize();
        errors.ThrowIfOnlyErrors(summary.Count);
        Console.WriteLine(FormattableString.Invariant(
            $"result assign concurrency={concurrency} calls={summary.Count} seconds={seconds:F2} rate={summary.Count / seconds:F0} p50={summary.P50:F3} p99={summary.P99:F3} p999={summary.P999:F3} server_cpu_us={cpuPerCall:F0} db_cpu_us={dbCpuPerCall:F0} errors={errors.Count} all_calls={Interlocked.Read(ref succeeded)}"));
        errors.Report();
        return 0;
    }
}
