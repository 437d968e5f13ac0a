using Google.Protobuf;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Batches: BatchManageSeats (gRPC or REST) and several batches over one ManageSeats stream.</summary>
internal sealed partial class ChaosClient
{
    private async Task BatchAsync(Random r, CancellationToken cancellationToken)
    {
        var request = NewBatch(r, PickPool(r), 1 + r.Next(4));
        var record = History.Begin(_index, CallKind.Batch, request.Parent, request.RequestId, request);
        await ExecuteAsync(record, r, Send(request), restToo: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Two to four batches, on any pools, over one stream; a batch left in doubt is retried as BatchManageSeats.</summary>
    private async Task StreamAsync(Random r, CancellationToken cancellationToken)
    {
        var batches = Enumerable.Range(0, 2 + r.Next(3)).Select(_ => NewBatch(r, PickPool(r), 1 + r.Next(3))).ToList();
        var records = batches.Select(b => History.Begin(_index, CallKind.Batch, b.Parent, b.RequestId, b)).ToList();
        var timeout = _context.Options.ShortDeadlines && r.Next(10) == 0
            ? TimeSpan.FromMilliseconds(1 + r.Next(30))
            : _context.Options.CallTimeout;
        await StreamAttemptAsync(records, batches, r, timeout, isReplay: false, cancellationToken).ConfigureAwait(false);
        foreach (var (record, batch) in records.Zip(batches))
        {
            await RetryWhileInDoubtAsync(record, r, Send(batch), restToo: true, cancellationToken).ConfigureAwait(false);
            Remember(record);
        }
    }

    private async Task StreamAttemptAsync(
        List<CallRecord> records, List<BatchManageSeatsRequest> batches, Random r, TimeSpan timeout, bool isReplay,
        CancellationToken cancellationToken)
    {
        var endpoint = await _context.Cluster.PickAsync(r.Next(), cancellationToken).ConfigureAwait(false);
        var messages = batches.Select(b => new ManageSeatsRequest { Parent = b.Parent, RequestId = b.RequestId, Changes = { b.Changes } }).ToList();
        var begin = History.Now;
        var results = await ManageSeatsSession.RunAsync(endpoint.Client, messages, timeout, cancellationToken).ConfigureAwait(false);
        var end = History.Now;
        for (var i = 0; i < records.Count; i++)
        {
            var (outcome, response) = Normalize(results[i], batches[i].RequestId);
            records[i].Add(new Attempt("stream", outcome, response, begin, end, isReplay));
            _context.Listener?.OnAttempt("StreamBatch", outcome, end - begin);
            if (outcome.IsOk && response is not null)
            {
                Learn(response);
            }
        }
    }

    /// <summary>A stream answer in the unary form, so answers compare across the two RPCs; a wrong echoed request id is broken.</summary>
    private static (Outcome, IMessage?) Normalize(CallResult<ManageSeatsResponse> result, string requestId)
    {
        if (result.Response is not { } response || !result.Outcome.IsOk)
        {
            return (result.Outcome, null);
        }

        if (response.RequestId != requestId)
        {
            return (new Broken($"ManageSeats answered request id '{response.RequestId}' to the batch '{requestId}'"), null);
        }

        return (result.Outcome, new BatchManageSeatsResponse { Results = { response.Results }, AvailableSeats = response.AvailableSeats });
    }

    private BatchManageSeatsRequest NewBatch(Random r, string pool, int changes)
    {
        var batch = new BatchManageSeatsRequest { Parent = pool, RequestId = NextRequestId(r) };
        for (var i = 0; i < changes; i++)
        {
            batch.Changes.Add(NewChange(r));
        }

        return batch;
    }

    private static SeatChange NewChange(Random r)
    {
        var change = new SeatChange();
        switch (r.Next(3))
        {
            case 0:
                change.Assign = new SeatChange.Types.Assign { Grantee = Grantees.Pick(r.Next(), r.Next()), ImmediateClaim = r.Next(3) == 0 };
                break;
            case 1:
                change.Unassign = new SeatChange.Types.Unassign { Grantee = Grantees.Pick(r.Next(), r.Next()) };
                break;
            default:
                change.Replace = new SeatChange.Types.Replace
                {
                    CurrentGrantee = Grantees.Pick(r.Next(), r.Next()),
                    NewGrantee = Grantees.Pick(r.Next(), r.Next()),
                    ImmediateClaim = r.Next(3) == 0,
                };
                break;
        }

        return change;
    }
}
