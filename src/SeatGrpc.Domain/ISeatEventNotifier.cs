namespace SeatGrpc.Domain;

/// <summary>
/// Signals "pool P has events up to sequence N" after each commit, so watchers wait instead of polling.
/// Signals may be coalesced; readers always re-read the stored events.
/// </summary>
public interface ISeatEventNotifier
{
    void Publish(string parent, long sequence);

    /// <summary>Starts listening for one pool; subscribe before reading so no event falls in between.</summary>
    ISeatEventSubscription Subscribe(string parent);
}
