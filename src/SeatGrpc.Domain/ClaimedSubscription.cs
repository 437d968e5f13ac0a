namespace SeatGrpc.Domain;

/// <summary>A pool in which a customer holds a claimed seat, and that seat.</summary>
public sealed record ClaimedSubscription(Pool Pool, Seat Seat);
