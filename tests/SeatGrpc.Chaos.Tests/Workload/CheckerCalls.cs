using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>The checker's own mutating calls (pool creation, checkpoint sentinels): recorded, retried while in doubt.</summary>
internal static class CheckerCalls
{
    public static async Task<Outcome> UpsertAsync(WorkloadContext context, CallRecord record, UpsertSeatPoolRequest request, CancellationToken cancellationToken)
    {
        var started = context.History.Now;
        for (var attempt = 0; ; attempt++)
        {
            var endpoint = await context.Cluster.PickAsync(attempt, cancellationToken).ConfigureAwait(false);
            var begin = context.History.Now;
            var result = await endpoint.Grpc.UpsertPoolAsync(request, context.Options.CallTimeout, cancellationToken).ConfigureAwait(false);
            record.Add(new Attempt(endpoint.Grpc.Transport, result.Outcome, result.Response, begin, context.History.Now, IsReplay: false));
            if (result.Outcome is not InDoubt || context.History.Now - started > context.Options.RetryBudget)
            {
                return result.Outcome;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }
}
