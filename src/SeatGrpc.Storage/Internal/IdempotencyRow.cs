namespace SeatGrpc.Storage.Internal;

internal sealed class IdempotencyRow
{
    public string RequestId { get; init; } = "";

    public string Operation { get; init; } = "";

    public byte[] Fingerprint { get; init; } = [];

    public byte[] Response { get; init; } = [];

    public long CreateTime { get; init; }
}
