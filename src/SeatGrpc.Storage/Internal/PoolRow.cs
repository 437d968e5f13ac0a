namespace SeatGrpc.Storage.Internal;

internal sealed class PoolRow
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string CustomerId { get; init; } = "";

    public long TotalSeats { get; init; }

    public long MinSeats { get; init; }

    public long MaxSeats { get; init; }

    public long OccupiedSeats { get; init; }

    public long LastEventSequence { get; init; }

    public long CreateTime { get; init; }

    public long UpdateTime { get; init; }

    public long Version { get; init; }

    /// <summary>The row as a <see cref="PoolStamp"/>: what an event appended after it needs.</summary>
    public PoolStamp ToStamp() => new()
    {
        Id = Id,
        Name = Name,
        LastEventSequence = LastEventSequence,
        TotalSeats = TotalSeats,
        OccupiedSeats = OccupiedSeats,
    };
}
