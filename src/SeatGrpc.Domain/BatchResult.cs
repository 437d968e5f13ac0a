namespace SeatGrpc.Domain;

/// <summary>
/// One result per change, in order: the seat assigned (with its token when one was issued),
/// the seat emptied by an unassign, or the new seat of a replace; and the free seats after the batch.
/// </summary>
public sealed record BatchResult(IReadOnlyList<AssignedSeat> Results, int AvailableSeats);
