namespace SeatGrpc.Domain;

/// <summary>The capacity of one subscription or order. <see cref="MaxSeats"/> 0 means no upper bound.</summary>
public sealed record Pool(
    string Name,
    int TotalSeats,
    string CustomerId,
    int MinSeats,
    int MaxSeats,
    int OccupiedSeats,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag)
{
    public int AvailableSeats => TotalSeats - OccupiedSeats;
}
