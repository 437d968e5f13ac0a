namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Deliberate replays of acknowledged calls (same request id, any transport, a stream too), and reuse probes.</summary>
internal sealed partial class ChaosClient
{
    private async Task ReplayAsync(Random r, CancellationToken cancellationToken)
    {
        if (_acknowledged.Count == 0)
        {
            await AssignAsync(r, cancellationToken).ConfigureAwait(false);
            return;
        }

        var record = _acknowledged[r.Next(_acknowledged.Count)];
        if (record.Request is BatchManageSeatsRequest batch && r.Next(2) == 0)
        {
            await StreamAttemptAsync([record], [batch], r, _context.Options.CallTimeout, isReplay: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        await AttemptAsync(record, r, Send(record.Request), restToo: true, _context.Options.CallTimeout, isReplay: true, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>A different request (an assign marked with probe metadata) under an acknowledged call's request id.</summary>
    private async Task ReuseAsync(Random r, CancellationToken cancellationToken)
    {
        if (_acknowledged.Count == 0)
        {
            await AssignAsync(r, cancellationToken).ConfigureAwait(false);
            return;
        }

        var original = _acknowledged[r.Next(_acknowledged.Count)];
        var pool = PickPool(r);
        var grantee = Grantees.Pick(r.Next(), r.Next());
        var request = new AssignSeatRequest
        {
            Parent = pool,
            Email = grantee.Email,
            CustomerId = grantee.CustomerId,
            ExternalCustomerId = grantee.ExternalCustomerId,
            RequestId = original.RequestId,
            Metadata = { ["probe"] = "reused request id" },
        };
        var record = History.Begin(_index, CallKind.ReuseProbe, pool, request.RequestId, request, original);
        await ExecuteAsync(record, r, Send(request), restToo: true, cancellationToken).ConfigureAwait(false);
    }
}
