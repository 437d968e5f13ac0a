using System.Runtime.CompilerServices;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Stored events, then live ones. It finds the pool within the tenant, subscribes to it (by its internal id, which no
/// other tenant's pool shares) before the first read of events, and always re-reads the store after a signal, so an
/// event committed at any moment is yielded exactly once, in sequence order.
/// </summary>
internal sealed class EventWatcher
{
    private const int ReadBatch = 500;

    private readonly SeatDatabase _database;
    private readonly SeatReader _reader;
    private readonly ISeatEventNotifier _notifier;

    public EventWatcher(SeatDatabase database, SeatReader reader, ISeatEventNotifier notifier)
    {
        _database = database;
        _reader = reader;
        _notifier = notifier;
    }

    /// <summary>
    /// The first <c>MoveNextAsync</c> fails with <see cref="SeatErrorKind.PoolNotFound"/> when the pool does not exist;
    /// after that the sequence ends only by cancellation.
    /// </summary>
    public async IAsyncEnumerable<SeatEvent> WatchAsync(
        string tenant, string parent, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long poolId;
        await using (var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false))
        {
            poolId = await _reader.ResolvePoolIdAsync(session, tenant, parent, cancellationToken).ConfigureAwait(false);
        }

        using var subscription = _notifier.Subscribe(PoolKeys.Format(poolId));

        var last = Math.Max(afterSequence, 0);
        while (true)
        {
            IReadOnlyList<SeatEvent> batch;
            await using (var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch = await _reader.ReadEventsAsync(session, poolId, parent, last, ReadBatch, cancellationToken).ConfigureAwait(false);
            }

            foreach (var seatEvent in batch)
            {
                last = seatEvent.Sequence;
                yield return seatEvent;
            }

            if (batch.Count < ReadBatch)
            {
                await subscription.WaitForSequenceAfterAsync(last, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
