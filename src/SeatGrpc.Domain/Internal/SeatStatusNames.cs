namespace SeatGrpc.Domain.Internal;

/// <summary>The status values of the seats table.</summary>
internal static class SeatStatusNames
{
    public const string Pending = "pending";
    public const string Claimed = "claimed";
    public const string Revoked = "revoked";
}
