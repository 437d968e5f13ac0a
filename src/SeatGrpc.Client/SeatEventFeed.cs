using System.Runtime.CompilerServices;
using Grpc.Core;
using SeatGrpc.Client.Internal;
using Seats.V1;

namespace SeatGrpc.Client;

/// <summary>Follows a pool's event feed across disconnects.</summary>
public static class SeatEventFeed
{
    /// <summary>
    /// The pool's events after <paramref name="afterSequence"/> (0: from the first), then live ones, until
    /// <paramref name="cancellationToken"/> is cancelled (an <see cref="OperationCanceledException"/>). When the stream breaks (the server restarts, the network drops,
    /// the server ends it while shutting down) it is opened again after the last event seen, with a growing pause, so
    /// each event arrives exactly once and in order. Errors a new stream cannot fix (NOT_FOUND, UNAUTHENTICATED,
    /// PERMISSION_DENIED, INVALID_ARGUMENT, ...) are thrown as <see cref="RpcException"/>.
    /// </summary>
    /// <remarks>Persist the last <see cref="SeatEvent.Sequence"/> you handled and pass it back after a restart of your own.</remarks>
    public static IAsyncEnumerable<SeatEvent> FollowSeatEventsAsync(
        this SeatService.SeatServiceClient client, string parent, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(parent);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        return FollowAsync(client, parent, afterSequence, cancellationToken);
    }

    private static async IAsyncEnumerable<SeatEvent> FollowAsync(
        SeatService.SeatServiceClient client, string parent, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var follower = new EventFollower(client, parent, afterSequence);
        while (true)
        {
            yield return await follower.NextAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
