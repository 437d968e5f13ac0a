using SeatGrpc.Domain.Internal;

namespace SeatGrpc.Domain;

/// <summary>
/// The notifier for one process: enough for SQLite, where every writer is in this process. Several
/// PostgreSQL replicas use <see cref="PostgresSeatEventNotifier"/> (LISTEN/NOTIFY), which fans out through one of these.
/// </summary>
public sealed class InProcessSeatEventNotifier : ISeatEventNotifier
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<EventSubscription>> _subscriptions = new(StringComparer.Ordinal);

    public void Publish(string poolKey, long sequence)
    {
        EventSubscription[] targets;
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(poolKey, out var list))
            {
                return;
            }

            targets = [.. list];
        }

        foreach (var target in targets)
        {
            target.Signal(sequence);
        }
    }

    public ISeatEventSubscription Subscribe(string poolKey)
    {
        ArgumentNullException.ThrowIfNull(poolKey);
        var subscription = new EventSubscription(this, poolKey);
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(poolKey, out var list))
            {
                list = [];
                _subscriptions.Add(poolKey, list);
            }

            list.Add(subscription);
        }

        return subscription;
    }

    /// <summary>The pools that have at least one subscription now.</summary>
    internal IReadOnlyCollection<string> WatchedPools()
    {
        lock (_lock)
        {
            return [.. _subscriptions.Keys];
        }
    }

    internal void Remove(EventSubscription subscription)
    {
        lock (_lock)
        {
            if (_subscriptions.TryGetValue(subscription.PoolKey, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscriptions.Remove(subscription.PoolKey);
            }
        }
    }
}
