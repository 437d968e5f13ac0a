namespace SeatGrpc.Storage.Internal;

internal sealed class IdempotencyRow
{
    /// <summary>The caller's tenant: a request id is unique within it, so two tenants never see each other's.</summary>
    public string Tenant { get; init; } = "";

    public string RequestId { get; init; } = "";

    public string Operation { get; init; } = "";

    public byte[] Fingerprint { get; init; } = [];

    public byte[] Response { get; init; } = [];

    public long CreateTime { get; init; }
}
