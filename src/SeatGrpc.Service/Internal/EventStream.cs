using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// One WatchSeatEvents call: the stored events after <c>after_sequence</c>, then live ones as they commit, until the
/// caller goes away or the server stops. The response starts (headers sent) as soon as the pool is known. On shutdown the stream ends cleanly (OK), so SIGTERM drains within the
/// grace period instead of waiting for every watcher to hang up.
/// </summary>
internal sealed class EventStream
{
    private readonly SeatStore _store;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;

    public EventStream(SeatStore store, IHostApplicationLifetime lifetime, ILogger<SeatGrpcService> logger)
    {
        _store = store;
        _lifetime = lifetime;
        _logger = logger;
    }

    public async Task RunAsync(
        WatchSeatEventsRequest request, IServerStreamWriter<WatchSeatEventsResponse> responses, ServerCallContext context, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();

        // An unknown pool is an ordinary error answer; a known one starts the response at once. A caller resuming at the
        // head of the log has no event to receive yet, and without its status line and headers until the next change,
        // REST clients and proxies time out waiting for them.
        await _store.Allocator.GetPoolAsync(request.Parent, cancellationToken).ConfigureAwait(false);
        await context.WriteResponseHeadersAsync(new Metadata()).ConfigureAwait(false);
        var stopping = _lifetime.ApplicationStopping;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await foreach (var seatEvent in _store.Allocator.WatchAsync(request.Parent, request.AfterSequence, watch.Token).ConfigureAwait(false))
            {
                await responses.WriteAsync(new WatchSeatEventsResponse { Event = ProtoMapper.ToProto(seatEvent) }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            ServiceLog.WatchEndedForShutdown(_logger, request.Parent);
        }
    }
}
