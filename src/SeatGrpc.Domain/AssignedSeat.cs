namespace SeatGrpc.Domain;

/// <summary>
/// A seat and, when an invitation was issued, its one-time token. The token exists only here:
/// the database keeps its SHA-256 hash, and an idempotent replay returns the seat without it.
/// </summary>
public sealed record AssignedSeat(Seat Seat, string? InvitationToken);
