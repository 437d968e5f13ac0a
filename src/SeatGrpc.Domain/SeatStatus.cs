namespace SeatGrpc.Domain;

public enum SeatStatus
{
    /// <summary>Invited; occupies a seat until claimed or revoked.</summary>
    Pending = 1,

    /// <summary>The invitee accepted; occupies a seat.</summary>
    Claimed,

    /// <summary>Freed; kept for history.</summary>
    Revoked,
}
