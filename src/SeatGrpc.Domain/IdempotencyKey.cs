namespace SeatGrpc.Domain;

/// <summary>
/// The caller's request id, the operation's name and a hash of the request (computed by the service layer).
/// A repeat with the same operation and fingerprint replays the stored response; anything else is
/// <see cref="SeatErrorKind.RequestIdReused"/>.
/// </summary>
public sealed record IdempotencyKey(string RequestId, string Operation, ReadOnlyMemory<byte> Fingerprint);
