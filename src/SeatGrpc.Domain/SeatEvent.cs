namespace SeatGrpc.Domain;

/// <summary>
/// One entry of a pool's change history. <see cref="Sequence"/> counts from 1 per pool without gaps.
/// <see cref="PreviousGrantee"/> and <see cref="PreviousSeatName"/> are set for replaced events;
/// <see cref="TotalSeats"/> for pool_resized. <see cref="KeyId"/> is the public id of the API key that made the change
/// (null for changes made before keys existed, or by no key).
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
    string? RequestId,
    string? KeyId = null);
