using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Seats.V1;

namespace SeatGrpc.Bench;

/// <summary>
/// <c>latency</c>: an open-loop run at a fixed rate (e.g. half of the measured peak). Calls leave on a schedule whatever
/// the earlier ones do, and each latency counts from the call's scheduled time, so a stall is not hidden
/// (no coordinated omission). <c>--rpc</c> is assign (new grantees of one big pool), get (<c>--seat</c>) or list (<c>--pool</c>).
/// <c>--timeline PATH</c> also writes every call's scheduled time and latency, to line a stall up with what the server
/// was doing at that moment.
/// </summary>
internal static class LatencyCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var runId = Pools.NewRunId();
        var rpc = args.Text("rpc", "assign");
        var rate = args.Double("rate", 1000);
        var duration = args.Double("duration", 15);
        var warmup = args.Double("warmup", 3);
        var pool = args.Text("pool", $"subscriptions/bench-latency-{runId}");
        var seat = args.Text("seat", "");
        var maxOutstanding = Math.Max(1, args.Int("max-outstanding", 4096));
        var timeline = args.Text("timeline", "");
        var serverCpu = ServerCpu.From(args);
        using var target = await BenchTarget.ConnectAsync(args);
        args.RejectUnknown();
        if (rate <= 0)
        {
            throw new BenchUsageException("--rate must be above 0 calls/s.");
        }

        if (timeline.Length > 0)
        {
            EnsureWritable(timeline);
        }

        Func<SeatService.SeatServiceClient, long, Task> send = rpc switch
        {
            "assign" => (client, n) => client.AssignSeatAsync(new AssignSeatRequest
            {
                Parent = pool, Email = $"l{n}-{runId}@bench.example", RequestId = Guid.NewGuid().ToString(),
            }).ResponseAsync,
            "get" when seat.Length > 0 => (client, _) => client.GetSeatAsync(new GetSeatRequest { Name = seat }).ResponseAsync,
            "get" => throw new BenchUsageException("--rpc get needs --seat seats/{id} (seed prints one)."),
            "list" => (client, _) => client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageSize = 50 }).ResponseAsync,
            _ => throw new BenchUsageException($"--rpc '{rpc}' is not one of assign, get, list."),
        };
        if (rpc == "assign")
        {
            await Pools.UpsertAsync(target.Clients[0], pool, 2_000_000_000);
        }

        var total = (long)Math.Ceiling(rate * (warmup + duration));
        var firstMeasured = (long)(rate * warmup);
        var latencies = new long[total];
        Array.Fill(latencies, -1);
        var errors = new ErrorCounter();
        long outstanding = 0;
        long completed = 0;
        long skipped = 0;
        var ticksPerCall = Stopwatch.Frequency / rate;

        async Task OneAsync(long n, long scheduled)
        {
            try
            {
                await send(target.Client((int)(n % target.Clients.Length)), n).ConfigureAwait(false);
                latencies[n] = LatencyRecorder.Micros(scheduled, Stopwatch.GetTimestamp());
            }
            catch (RpcException ex)
            {
                errors.Add(ex);
            }
            finally
            {
                Interlocked.Decrement(ref outstanding);
                Interlocked.Increment(ref completed);
            }
        }

        Console.Error.WriteLine(FormattableString.Invariant(
            $"latency: {rpc} at {rate:F0} calls/s open loop on {target.Clients.Length} connection(s), warm-up {warmup}s, measure {duration}s"));
        var calls = new List<Task>((int)Math.Min(total, 1 << 20));

        // Each call starts on time, from a thread of its own: a Task.Delay(1) loop woke a millisecond or more late, and
        // since latency counts from the scheduled time (so that a slow server cannot hide its queue), the lateness of the
        // dispatcher showed up as the server's.
        void Dispatch(long start)
        {
            for (long n = 0; n < total; n++)
            {
                var scheduled = start + (long)(n * ticksPerCall);
                WaitUntil(scheduled);
                if (Interlocked.Read(ref outstanding) >= maxOutstanding)
                {
                    skipped++;
                    continue;
                }

                Interlocked.Increment(ref outstanding);
                calls.Add(OneAsync(n, scheduled));
            }
        }

        DateTimeOffset startedAt = default;
        var elapsed = TimeSpan.Zero;
        await using (new Progress("latency", "calls", warmup + duration, () => Interlocked.Read(ref completed), () => errors.Count))
        {
            serverCpu?.Start();
            var start = Stopwatch.GetTimestamp();
            startedAt = DateTimeOffset.UtcNow;
            await Task.Factory.StartNew(() => Dispatch(start), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
            await Task.WhenAll(calls).ConfigureAwait(false);
            elapsed = Stopwatch.GetElapsedTime(start);
        }

        // How busy the server was at this rate: the peak's rate came from many calls at once, whose commits and reads
        // batch, so half of it can keep the server busier than half of the time.
        var answered = Interlocked.Read(ref completed) - errors.Count;
        var cpuPerCall = serverCpu?.MicrosPer(answered) ?? 0;

        var recorder = new LatencyRecorder(1);
        for (var n = firstMeasured; n < total; n++)
        {
            if (latencies[n] >= 0)
            {
                recorder.Record(0, latencies[n]);
            }
        }

        if (timeline.Length > 0)
        {
            await WriteTimelineAsync(timeline, latencies, rate, startedAt).ConfigureAwait(false);
        }

        var summary = recorder.Summarize();
        errors.ThrowIfOnlyErrors(summary.Count);
        Console.WriteLine(FormattableString.Invariant(
            $"result latency rpc={rpc} rate={rate:F0} calls={summary.Count} p50={summary.P50:F3} p99={summary.P99:F3} p999={summary.P999:F3} max={summary.MaxMicros / 1000.0:F3} errors={errors.Count} skipped={skipped} server_cpu_us={cpuPerCall:F0} server_busy={cpuPerCall * answered / elapsed.TotalMicroseconds:F2}"));
        errors.Report();
        return 0;
    }

    // Before the run rather than after it: a run of minutes should not end in an error about its output file.
    private static void EnsureWritable(string path)
    {
        try
        {
            File.Create(path).Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BenchUsageException($"--timeline {path}: cannot write there ({ex.Message}); name a file in a folder that exists and is writable.");
        }
    }

    // One line per call: when it was due (ms from the start, warm-up included) and its latency in ms, or "failed" for a
    // call that failed or was skipped. The first line gives the start as Unix time, to match other clocks' records.
    private static async Task WriteTimelineAsync(string path, long[] latencies, double rate, DateTimeOffset startedAt)
    {
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(FormattableString.Invariant($"# started at unix_ms={startedAt.ToUnixTimeMilliseconds()}")).ConfigureAwait(false);
        await writer.WriteLineAsync("due_ms\tlatency_ms").ConfigureAwait(false);
        for (var n = 0; n < latencies.Length; n++)
        {
            var latency = latencies[n] >= 0 ? (latencies[n] / 1000.0).ToString("F3", CultureInfo.InvariantCulture) : "failed";
            await writer.WriteLineAsync(FormattableString.Invariant($"{n * 1000 / rate:F3}\t{latency}")).ConfigureAwait(false);
        }

        Console.Error.WriteLine($"latency: wrote {latencies.Length:N0} calls to {path}");
    }

    // Sleeps while the time is more than 2 ms away, then yields the core until it comes: on time to a few microseconds,
    // without holding the core from other threads that have work.
    private static void WaitUntil(long timestamp)
    {
        var sleepAbove = Stopwatch.Frequency / 500;
        for (var remaining = timestamp - Stopwatch.GetTimestamp(); remaining > 0; remaining = timestamp - Stopwatch.GetTimestamp())
        {
            if (remaining > sleepAbove)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
