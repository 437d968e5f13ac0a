namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>The mutating calls the workload records.</summary>
internal enum CallKind
{
    Assign,
    Revoke,
    Resend,
    Claim,

    /// <summary>BatchManageSeats, or one batch of a ManageSeats stream (the same operation: a request id replays across both).</summary>
    Batch,
    Resize,

    /// <summary>A different request under an acknowledged call's request id: must be refused with REQUEST_ID_REUSED.</summary>
    ReuseProbe,
}
