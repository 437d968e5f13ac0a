using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>What a capacity or sequence update returns: the pool's id, its new last event sequence, and its capacity.</summary>
internal sealed class PoolStamp
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public long LastEventSequence { get; init; }

    public long TotalSeats { get; init; }

    public long OccupiedSeats { get; init; }

    /// <summary>Reads a stamp from the reader's current row: id, name, last_event_sequence, total_seats, occupied_seats.</summary>
    public static PoolStamp Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Name = reader.GetString(1),
        LastEventSequence = reader.GetInt64(2),
        TotalSeats = reader.GetInt64(3),
        OccupiedSeats = reader.GetInt64(4),
    };
}
