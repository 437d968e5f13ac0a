namespace SeatGrpc.Storage.Internal;

internal sealed class SeatRow
{
    public long Id { get; init; }

    public string PublicId { get; init; } = "";

    public long PoolId { get; init; }

    /// <summary>The pool's name (joined, or passed back as a parameter).</summary>
    public string Parent { get; init; } = "";

    public string Status { get; init; } = "";

    public string? Email { get; init; }

    public string? CustomerId { get; init; }

    public string? ExternalCustomerId { get; init; }

    public string Metadata { get; init; } = "{}";

    public long? InvitationExpireTime { get; init; }

    public long? ClaimTime { get; init; }

    public long? RevokeTime { get; init; }

    public long CreateTime { get; init; }

    public long UpdateTime { get; init; }

    public long Version { get; init; }
}
