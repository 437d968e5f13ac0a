namespace SeatGrpc.Domain;

/// <summary>
/// Signals "pool P has events up to sequence N" after each commit, so watchers wait instead of polling.
/// Signals may be coalesced; readers always re-read the stored events. Pools are named by
/// <see cref="SeatGrpc.Storage.PoolKeys"/> (their internal id), which, unlike their names, no two tenants share.
/// </summary>
public interface ISeatEventNotifier
{
    void Publish(string poolKey, long sequence);

    /// <summary>Starts listening for one pool; subscribe before reading so no event falls in between.</summary>
    ISeatEventSubscription Subscribe(string poolKey);
}
