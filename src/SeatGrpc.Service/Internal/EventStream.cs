using SeatGrpc.Domain;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// One WatchSeatEvents call: the stored events after <c>after_sequence</c>, then live ones as they commit, until the
/// caller goes away or the server stops. The response starts (headers sent) as soon as the pool is known. On shutdown the stream ends cleanly (OK), so SIGTERM drains within the
/// grace period instead of waiting for every watcher to hang up. The key is checked again before each event: once it
/// is revoked or has expired the stream ends UNAUTHENTICATED.
/// </summary>
internal sealed class EventStream
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ApiKeyCache _keys;
    private readonly ILogger _logger;

    public EventStream(IHostApplicationLifetime lifetime, ApiKeyCache keys, ILogger<SeatGrpcService> logger)
    {
        _lifetime = lifetime;
        _keys = keys;
        _logger = logger;
    }

    public async Task RunAsync(
        TenantSeats seats,
        WatchSeatEventsRequest request, IServerStreamWriter<WatchSeatEventsResponse> responses, ServerCallContext context, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();

        // An unknown pool is an ordinary error answer; a known one starts the response at once. A caller resuming at the
        // head of the log has no event to receive yet, and without its status line and headers until the next change,
        // REST clients and proxies time out waiting for them.
        await seats.GetPoolAsync(request.Parent, cancellationToken).ConfigureAwait(false);
        await context.WriteResponseHeadersAsync(new Metadata()).ConfigureAwait(false);
        var stopping = _lifetime.ApplicationStopping;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await foreach (var seatEvent in seats.WatchAsync(request.Parent, request.AfterSequence, watch.Token).ConfigureAwait(false))
            {
                _keys.ThrowIfNoLongerValid(seats.Caller);
                await responses.WriteAsync(new WatchSeatEventsResponse { Event = ProtoMapper.ToProto(seatEvent) }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            ServiceLog.WatchEndedForShutdown(_logger, request.Parent);
        }
    }
}
