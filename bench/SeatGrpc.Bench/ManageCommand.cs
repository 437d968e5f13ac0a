using System.Diagnostics;
using Seats.V1;

namespace SeatGrpc.Bench;

/// <summary>
/// <c>manage</c>: one ManageSeats stream, pipelined (up to <c>--depth</c> batches in flight), each batch of B changes.
/// The first batch assigns B new grantees; every later one unassigns the B/2 oldest seated grantees and assigns B/2 new
/// ones, so the pool stays small while every change is real. Reports seat changes per second.
/// </summary>
internal static class ManageCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var runId = Pools.NewRunId();
        var pool = args.Text("pool", $"subscriptions/bench-manage-{runId}");
        var batchSize = Math.Clamp(args.Int("batch", 100), 2, 1000);
        var depth = Math.Max(1, args.Int("depth", 8));
        var duration = args.Double("duration", 15);
        var warmup = args.Double("warmup", 5);
        var serverCpu = ServerCpu.From(args);
        var databaseCpu = ServerCpu.DatabaseFrom(args);
        using var target = await BenchTarget.ConnectAsync(args);
        args.RejectUnknown();

        await Pools.UpsertAsync(target.Clients[0], pool, 1_000_000);
        var recorder = new LatencyRecorder(1);
        var errors = new ErrorCounter();
        long failedBatches = 0;
        long answered = 0;
        long changes = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();
        using var inFlight = new SemaphoreSlim(depth, depth);
        var sentAt = new System.Collections.Concurrent.ConcurrentQueue<long>();
        using var call = target.Clients[0].ManageSeats();

        async Task WriteAsync()
        {
            var seated = new Queue<string>();
            long next = 0;
            while (!stop.IsCancellationRequested)
            {
                await inFlight.WaitAsync().ConfigureAwait(false);
                var request = new ManageSeatsRequest { Parent = pool, RequestId = Guid.NewGuid().ToString() };
                var unassigns = seated.Count >= batchSize ? batchSize / 2 : 0;
                for (var i = 0; i < unassigns; i++)
                {
                    request.Changes.Add(Pools.Unassign(seated.Dequeue()));
                }

                while (request.Changes.Count < batchSize)
                {
                    var email = $"m{next++}-{runId}@bench.example";
                    seated.Enqueue(email);
                    request.Changes.Add(Pools.Assign(email));
                }

                sentAt.Enqueue(Stopwatch.GetTimestamp());
                await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }

        async Task ReadAsync()
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
            {
                var response = call.ResponseStream.Current;
                sentAt.TryDequeue(out var started);
                inFlight.Release();
                Interlocked.Increment(ref answered);
                if (response.Error is { } error)
                {
                    errors.Add(new Grpc.Core.RpcException(new Grpc.Core.Status((Grpc.Core.StatusCode)error.Code, error.Message)));
                    Interlocked.Increment(ref failedBatches);
                    continue;
                }

                if (Volatile.Read(ref measuring))
                {
                    recorder.Record(0, LatencyRecorder.Micros(started, Stopwatch.GetTimestamp()));
                    Interlocked.Add(ref changes, response.Results.Count);
                }
            }
        }

        Console.Error.WriteLine(FormattableString.Invariant(
            $"manage: one stream, batches of {batchSize}, {depth} in flight, {pool}, warm-up {warmup}s, measure {duration}s"));
        var writer = Task.Run(WriteAsync);
        var reader = Task.Run(ReadAsync);
        await Task.Delay(TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
        recorder.Clear();
        Volatile.Write(ref measuring, true);
        serverCpu?.Start();
        databaseCpu?.Start();
        var clock = Stopwatch.StartNew();
        await using (new Progress("manage", "changes", duration, () => Interlocked.Read(ref changes), () => errors.Count))
        {
            await Task.Delay(TimeSpan.FromSeconds(duration)).ConfigureAwait(false);
            Volatile.Write(ref measuring, false);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuPerChange = serverCpu?.MicrosPer(Interlocked.Read(ref changes)) ?? 0;
        var dbCpuPerChange = databaseCpu?.MicrosPer(Interlocked.Read(ref changes)) ?? 0;
        await stop.CancelAsync().ConfigureAwait(false);
        await writer.ConfigureAwait(false);
        await reader.ConfigureAwait(false);
        var summary = recorder.Summarize();
        errors.ThrowIfOnlyErrors(summary.Count);
        Console.WriteLine(FormattableString.Invariant(
            $"result manage batch={batchSize} depth={depth} batches={summary.Count} changes={changes} seconds={seconds:F2} rate={changes / seconds:F0} batch_p50={summary.P50:F3} batch_p99={summary.P99:F3} server_cpu_us={cpuPerChange:F1} db_cpu_us={dbCpuPerChange:F1} failed_batches={failedBatches} all_batches={Interlocked.Read(ref answered)}"));
        errors.Report();
        return 0;
    }
}
