namespace SeatGrpc.Domain;

/// <summary>Move the current grantee's seat to a new grantee: no free seat is needed.</summary>
public sealed record ReplaceChange(
    Grantee CurrentGrantee,
    Grantee NewGrantee,
    IReadOnlyDictionary<string, string>? Metadata = null,
    bool ImmediateClaim = false) : SeatChange;
