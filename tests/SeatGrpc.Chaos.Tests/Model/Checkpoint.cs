using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Infrastructure;
using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>
/// A model check at a quiet moment: hold the clients until every call in flight has its answer, write one sentinel
/// resize per pool (its event marks the end of the log to read), read every pool, check, and let the clients go on.
/// </summary>
internal static class Checkpoint
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    public static async Task<CheckpointResult> RunAsync(WorkloadContext context, Random random, CancellationToken cancellationToken)
    {
        try
        {
            await context.Gate.PauseAsync().WaitAsync(DrainTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            context.Gate.Resume();
            return Failed($"the clients' calls did not all end within {DrainTimeout.TotalMinutes} minutes (a hung call)");
        }

        try
        {
            return await CheckAsync(context, random, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.Gate.Resume();
        }
    }

    private static async Task<CheckpointResult> CheckAsync(WorkloadContext context, Random random, CancellationToken cancellationToken)
    {
        var observations = new List<PoolObservation>();
        foreach (var pool in context.Pools)
        {
            var sentinel = await WriteSentinelAsync(context, pool, random, cancellationToken).ConfigureAwait(false);
            if (sentinel is not null)
            {
                return Failed(sentinel);
            }

            var endpoint = await context.Cluster.PickAsync(random.Next(), cancellationToken).ConfigureAwait(false);
            var requestId = context.History.Calls.Last(c => c.Client == -1 && c.Pool == pool).RequestId;
            try
            {
                observations.Add(await Observer.ObserveAsync(endpoint, pool, requestId, random, cancellationToken).ConfigureAwait(false));
            }
            catch (ObservationException ex)
            {
                var report = await HangReport.CaptureAsync(endpoint, async () =>
                {
                    var again = await Observer.ObserveAsync(endpoint, pool, requestId, new Random(0), cancellationToken).ConfigureAwait(false);
                    return $"read, with {again.Events.Count} events";
                }).ConfigureAwait(false);
                return Failed($"the state could not be read: {ex.Message}{report}");
            }
        }

        var calls = context.History.Calls;
        var violations = ModelChecker.Check(calls, context.History.ReadFailures, observations, out var inDoubt);
        return new CheckpointResult(violations, calls.Count, observations.Sum(o => o.Events.Count), inDoubt);
    }

    private static CheckpointResult Failed(string why) => new([why], 0, 0, string.Empty);

    /// <summary>Resizes the pool by one seat (the log's end marker); null, or why it failed.</summary>
    private static async Task<string?> WriteSentinelAsync(WorkloadContext context, string pool, Random random, CancellationToken cancellationToken)
    {
        var endpoint = await context.Cluster.PickAsync(random.Next(), cancellationToken).ConfigureAwait(false);
        var current = await endpoint.Grpc.GetPoolAsync(new GetSeatPoolRequest { Name = pool }, context.Options.CallTimeout, cancellationToken).ConfigureAwait(false);
        if (current.Response?.Pool is not { } state)
        {
            return $"GetSeatPool {pool} before the checkpoint: {current.Outcome.Describe()}";
        }

        var total = state.TotalSeats < 5 || state.OccupiedSeats == state.TotalSeats ? state.TotalSeats + 1 : state.TotalSeats - 1;
        var request = new UpsertSeatPoolRequest
        {
            Pool = new SeatPool { Name = pool, TotalSeats = total, CustomerId = state.CustomerId },
            RequestId = RequestIds.Next(random),
        };
        var record = context.History.Begin(-1, CallKind.Resize, pool, request.RequestId, request);
        var outcome = await CheckerCalls.UpsertAsync(context, record, request, cancellationToken).ConfigureAwait(false);
        return outcome is Ok ? null : $"the checkpoint's resize of {pool} to {total}: {outcome.Describe()}";
    }
}
