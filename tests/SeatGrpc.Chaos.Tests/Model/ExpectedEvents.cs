using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>The events a call leaves in its pool's log when applied, in order; some calls may leave none and still succeed.</summary>
internal static class ExpectedEvents
{
    /// <summary>The event types, and whether an applied call may also leave none (revoking a revoked seat, an unchanged size).</summary>
    public static (IReadOnlyList<SeatEventType> Types, bool MayBeNone) Of(CallRecord record) => record.Request switch
    {
        AssignSeatRequest => ([SeatEventType.Assigned], false),
        RevokeSeatRequest => ([SeatEventType.Revoked], true),
        ResendInvitationRequest => ([SeatEventType.InvitationResent], false),
        ClaimSeatRequest => ([SeatEventType.Claimed], false),
        UpsertSeatPoolRequest => ([SeatEventType.PoolResized], true),
        BatchManageSeatsRequest batch => ([.. batch.Changes.Select(TypeOf)], false),
        _ => throw new ArgumentException($"No events known for {record.Kind}", nameof(record)),
    };

    /// <summary>Whether the seat that <paramref name="e"/> (the <paramref name="index"/>th event of <paramref name="record"/>) created started claimed.</summary>
    public static bool ImmediateClaim(CallRecord record, int index) => record.Request switch
    {
        AssignSeatRequest assign => assign.ImmediateClaim,
        BatchManageSeatsRequest batch when index < batch.Changes.Count => batch.Changes[index].ChangeCase switch
        {
            SeatChange.ChangeOneofCase.Assign => batch.Changes[index].Assign.ImmediateClaim,
            SeatChange.ChangeOneofCase.Replace => batch.Changes[index].Replace.ImmediateClaim,
            _ => false,
        },
        _ => false,
    };

    private static SeatEventType TypeOf(SeatChange change) => change.ChangeCase switch
    {
        SeatChange.ChangeOneofCase.Assign => SeatEventType.Assigned,
        SeatChange.ChangeOneofCase.Unassign => SeatEventType.Unassigned,
        _ => SeatEventType.Replaced,
    };
}
