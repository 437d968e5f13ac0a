namespace SeatGrpc.Domain;

/// <summary>Empty (revoke) the grantee's non-revoked seat; fails when there is none.</summary>
public sealed record UnassignChange(Grantee Grantee) : SeatChange;
