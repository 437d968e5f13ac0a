namespace SeatGrpc.Domain;

/// <summary>
/// One entry of a pool's change history. <see cref="Sequence"/> counts from 1 per pool without gaps.
/// <see cref="PreviousGrantee"/> and <see cref="PreviousSeatName"/> are set for replaced events;
/// <see cref="TotalSeats"/> for pool_resized.
/// </summary>
public sealed record SeatEvent(
    string Parent,
    long Sequence,
    SeatEventType Type,
    string? SeatName,
    Grantee? Grantee,
    string? PreviousSeatName,
    Grantee? PreviousGrantee,
    int? TotalSeats,
    DateTimeOffset Time,
    string? RequestId);
