namespace SeatGrpc.Storage.Internal;

/// <summary>What a capacity or sequence update returns: the pool's id, its new last event sequence, and its capacity.</summary>
internal sealed class PoolStamp
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public long LastEventSequence { get; init; }

    public long TotalSeats { get; init; }

    public long OccupiedSeats { get; init; }
}
