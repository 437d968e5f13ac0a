using Grpc.Core;
using Seats.V1;

namespace SeatGrpc.Client.Internal;

/// <summary>
/// The state of one <see cref="SeatEventFeed.FollowSeatEventsAsync"/>: the open WatchSeatEvents call, the last sequence
/// handed out, and the pause before the next reconnection (reset by every event received).
/// </summary>
internal sealed class EventFollower : IDisposable
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private readonly SeatService.SeatServiceClient _client;
    private readonly string _parent;
    private AsyncServerStreamingCall<WatchSeatEventsResponse>? _call;
    private long _lastSequence;
    private TimeSpan _pause = FirstPause;

    public EventFollower(SeatService.SeatServiceClient client, string parent, long afterSequence)
    {
        _client = client;
        _parent = parent;
        _lastSequence = afterSequence;
    }

    /// <summary>The next event after the last one returned, reconnecting as often as the stream breaks.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="RpcException">An error that a new stream would meet again.</exception>
    public async Task<SeatEvent> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _call ??= _client.WatchSeatEvents(
                new WatchSeatEventsRequest { Parent = _parent, AfterSequence = _lastSequence }, cancellationToken: cancellationToken);
            try
            {
                while (await _call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    // A stream opened after _lastSequence never repeats an event; the check keeps the promise regardless.
                    if (_call.ResponseStream.Current.Event is { } seatEvent && seatEvent.Sequence > _lastSequence)
                    {
                        _lastSequence = seatEvent.Sequence;
                        _pause = FirstPause;
                        return seatEvent;
                    }
                }

                // The server ended the stream: it is shutting down. Its successor (or another replica) takes over.
            }
            catch (RpcException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The event feed was cancelled.", e, cancellationToken);
            }
            catch (RpcException e) when (IsBreak(e.StatusCode))
            {
                // The connection or the server went away; a new stream after the last event resumes the feed.
            }

            Close();
            await Task.Delay(NextPause(), cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => Close();

    /// <summary>Statuses of a stream that broke rather than a request the server refused.</summary>
    private static bool IsBreak(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Aborted or StatusCode.Cancelled;

    private TimeSpan NextPause()
    {
        var pause = _pause;
        _pause = TimeSpan.FromTicks(Math.Min(_pause.Ticks * 2, LongestPause.Ticks));

        // Jitter, so that watchers of a restarted server do not all come back in the same instant.
        return pause * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private void Close()
    {
        _call?.Dispose();
        _call = null;
    }
}
