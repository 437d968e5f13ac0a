namespace SeatGrpc.Domain;

public enum SeatEventType
{
    /// <summary>A seat was given to a grantee.</summary>
    Assigned = 1,

    /// <summary>The invitee claimed the seat.</summary>
    Claimed,

    /// <summary>The seat was revoked (RevokeSeat).</summary>
    Revoked,

    /// <summary>A new invitation token was issued.</summary>
    InvitationResent,

    /// <summary>The grantee's seat was emptied by a batch change.</summary>
    Unassigned,

    /// <summary>A seat moved from one grantee to another.</summary>
    Replaced,

    /// <summary>The pool was created or its total_seats changed.</summary>
    PoolResized,
}
