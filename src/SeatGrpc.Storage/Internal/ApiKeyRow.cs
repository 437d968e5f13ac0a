namespace SeatGrpc.Storage.Internal;

internal sealed class ApiKeyRow
{
    public long Id { get; init; }

    /// <summary>The public id, shown by lists, logs and seat events.</summary>
    public string KeyId { get; init; } = "";

    public string Tenant { get; init; } = "";

    /// <summary>The SHA-256 of the whole key: the key itself is never stored.</summary>
    public byte[] KeyHash { get; init; } = [];

    /// <summary>Space-separated scopes, e.g. "seats:read seats:write".</summary>
    public string Scopes { get; init; } = "";

    public long CreateTime { get; init; }

    public long? ExpireTime { get; init; }

    public long? RevokeTime { get; init; }

    /// <summary>The key id of the key that created this one; null when made on the command line or at bootstrap.</summary>
    public string? CreatedBy { get; init; }
}
