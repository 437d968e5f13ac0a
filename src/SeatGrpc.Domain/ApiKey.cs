namespace SeatGrpc.Domain;

/// <summary>
/// An API key as lists show it: its public id, tenant, scopes and lifetime, never its secret (only a hash of that is
/// stored). <see cref="CreatedBy"/> is the key id of the key that created it, null when made on the command line or at
/// first start.
/// </summary>
public sealed record ApiKey(
    string KeyId,
    string Tenant,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreateTime,
    DateTimeOffset? ExpireTime,
    DateTimeOffset? RevokeTime,
    string? CreatedBy)
{
    public bool IsRevoked => RevokeTime is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpireTime is { } expiry && expiry <= now;
}
