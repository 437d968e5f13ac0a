namespace SeatGrpc.Service.Internal;

/// <summary>What the cache made of a presented key: the entry of a valid one, or why not, and the key id logs may show.</summary>
internal readonly record struct KeyCheck(ApiKeyEntry? Entry, KeyRejection Rejection, string KeyId);
