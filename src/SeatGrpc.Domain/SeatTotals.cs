namespace SeatGrpc.Domain;

/// <summary>The seats of every pool together.</summary>
/// <param name="TotalSeats">The sum of the pools' <c>total_seats</c>.</param>
/// <param name="OccupiedSeats">How many of them are pending or claimed.</param>
public sealed record SeatTotals(long TotalSeats, long OccupiedSeats);
