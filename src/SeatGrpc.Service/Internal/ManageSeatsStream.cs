using SeatGrpc.Domain;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// One ManageSeats call, pipelined: a reader task keeps taking batches off the wire into a bounded channel while
/// this loop applies them one at a time and answers each, in order. A failed batch is answered with its status and
/// the stream goes on. When the caller cancels, the batch in flight rolls back with its transaction and the call
/// ends CANCELLED (thrown as <see cref="OperationCanceledException"/> for <see cref="CallGuard"/>). The stream outlives
/// the moment its key was checked, so the key is checked again before each batch: once it is revoked or has expired
/// the stream ends UNAUTHENTICATED, without applying the batch.
/// </summary>
internal sealed class ManageSeatsStream
{
    private readonly SeatServiceOptions _options;
    private readonly ApiKeyCache _keys;
    private readonly ILogger _logger;

    public ManageSeatsStream(SeatServiceOptions options, ApiKeyCache keys, ILogger<SeatGrpcService> logger)
    {
        _options = options;
        _keys = keys;
        _logger = logger;
    }

    public async Task RunAsync(
        TenantSeats seats,
        IAsyncStreamReader<ManageSeatsRequest> requests, IServerStreamWriter<ManageSeatsResponse> responses, CancellationToken cancellationToken)
    {
        var pending = Channel.CreateBounded<ManageSeatsRequest>(new BoundedChannelOptions(Math.Max(1, _options.ManageSeatsPipelineDepth))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = ReadAllAsync(requests, pending.Writer, stopReading.Token);
        try
        {
            // ReadAllAsync rethrows the reader's failure (a bad frame, a cancelled call) once the queue drains.
            await foreach (var batch in pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _keys.ThrowIfNoLongerValid(seats.Caller);
                var response = await AnswerAsync(seats, batch, cancellationToken).ConfigureAwait(false);
                await responses.WriteAsync(response, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ReadAllAsync(
        IAsyncStreamReader<ManageSeatsRequest> requests, ChannelWriter<ManageSeatsRequest> pending, CancellationToken cancellationToken)
    {
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                await pending.WriteAsync(requests.Current, cancellationToken).ConfigureAwait(false);
            }

            pending.TryComplete();
        }
        catch (Exception ex)
        {
            pending.TryComplete(ex);
        }
    }

    private async Task<ManageSeatsResponse> AnswerAsync(TenantSeats seats, ManageSeatsRequest batch, CancellationToken cancellationToken)
    {
        var outcome = await BatchExecutor.ApplyAsync(seats, batch, batch.Parent, batch.Changes, batch.RequestId, cancellationToken).ConfigureAwait(false);
        var response = new ManageSeatsResponse { RequestId = batch.RequestId };
        if (outcome.Response is { } applied)
        {
            response.Results.AddRange(applied.Results);
            response.AvailableSeats = applied.AvailableSeats;
        }
        else
        {
            response.Error = outcome.Error;
            var reason = StatusMapping.ReasonOf(outcome.Error);
            ServiceLog.StreamBatchFailed(_logger, batch.Parent, reason);
            response.AvailableSeats = await BatchExecutor.AvailableSeatsAsync(seats, batch.Parent, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
