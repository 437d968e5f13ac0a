namespace SeatGrpc.Storage.Internal;

/// <summary>The values of a seat to insert; the internal id is assigned by the database.</summary>
internal sealed record NewSeatRow(
    string PublicId,
    long PoolId,
    string Tenant,
    string Status,
    string? Email,
    string? EmailNormalized,
    string? CustomerId,
    string? ExternalCustomerId,
    string Metadata,
    byte[]? TokenHash,
    long? InvitationExpireTime,
    long? ClaimTime,
    long CreateTime);
