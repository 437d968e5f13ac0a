namespace SeatGrpc.Domain;

/// <summary>Fill an empty seat with <paramref name="Grantee"/>; fails when the pool is full.</summary>
public sealed record AssignChange(Grantee Grantee, IReadOnlyDictionary<string, string>? Metadata = null, bool ImmediateClaim = false) : SeatChange;
