using Grpc.Core;

namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>
/// Sends several batches over one ManageSeats stream (all written before the first answer is read, so the server's
/// read-ahead is in play) and matches the answers to them in order. A batch the stream ended before answering is in
/// doubt.
/// </summary>
internal static class ManageSeatsSession
{
    public static async Task<IReadOnlyList<CallResult<ManageSeatsResponse>>> RunAsync(
        SeatService.SeatServiceClient client, IReadOnlyList<ManageSeatsRequest> batches, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var results = new List<CallResult<ManageSeatsResponse>>(batches.Count);
        Outcome? ended = null;
        try
        {
            using var call = client.ManageSeats(new CallOptions(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken));
            foreach (var batch in batches)
            {
                await call.RequestStream.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            while (results.Count < batches.Count && await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var response = call.ResponseStream.Current;
                results.Add(response.Error is null
                    ? CallResult<ManageSeatsResponse>.Success(response)
                    : new CallResult<ManageSeatsResponse>(GrpcOutcomes.Classify(response.Error), response));
            }

            if (results.Count < batches.Count)
            {
                ended = new Broken($"the stream ended OK after {results.Count} of {batches.Count} answers");
            }
        }
        catch (RpcException ex)
        {
            ended = GrpcOutcomes.Classify(ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Writing to a call that already failed (the server went away mid-write).
            ended = new InDoubt($"stream {ex.GetType().Name}");
        }

        // A batch without its answer is in doubt, whatever ended the stream: it may have been applied.
        while (results.Count < batches.Count)
        {
            results.Add(CallResult<ManageSeatsResponse>.Failure(ended is Broken ? ended : new InDoubt($"no answer: {ended?.Describe()}")));
        }

        return results;
    }
}
