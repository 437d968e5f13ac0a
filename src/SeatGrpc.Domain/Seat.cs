namespace SeatGrpc.Domain;

/// <summary>A seat, named <c>seats/{id}</c>, in the pool <see cref="Parent"/>. The etag changes on every update.</summary>
public sealed record Seat(
    string Name,
    string Parent,
    SeatStatus Status,
    Grantee Grantee,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset? InvitationExpireTime,
    DateTimeOffset? ClaimTime,
    DateTimeOffset? RevokeTime,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);
