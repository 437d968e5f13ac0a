namespace SeatGrpc.Domain;

/// <summary>A key with the SHA-256 of its secret, as an authentication cache holds it.</summary>
public sealed record StoredApiKey(ApiKey Key, ReadOnlyMemory<byte> Hash);
