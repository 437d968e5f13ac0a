namespace SeatGrpc.Domain;

/// <summary>One page of a pool's seats; the totals come from the same snapshot as the seats.</summary>
public sealed record SeatPage(IReadOnlyList<Seat> Seats, int TotalSeats, int AvailableSeats, string? NextPageToken);
