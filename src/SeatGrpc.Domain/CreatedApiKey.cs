namespace SeatGrpc.Domain;

/// <summary>A new key and its secret, which exists only here: show it once to whoever asked for it.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
