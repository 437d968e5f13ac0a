using System.Diagnostics.Metrics;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// The seat metrics of meter <see cref="SeatTelemetry.MeterName"/>, counted where the rules run: committed seat events by
/// kind, batch sizes, contention retries and group-commit sizes. The instruments are created once and are cheap to feed
/// while no listener is attached (each call returns at its first check), so they need no wiring through the domain's
/// constructors. The seat gauges, which need the database, belong to the host (see the service's occupancy gauge).
/// </summary>
internal static class SeatMetrics
{
    private static readonly Meter Meter = new(SeatTelemetry.MeterName, typeof(SeatMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Assigned = Meter.CreateCounter<long>(
        "seatgrpc.seats.assigned", "{seat}", "Seats given to a grantee (AssignSeat, batch assign and replace), once committed.");

    private static readonly Counter<long> Claimed = Meter.CreateCounter<long>(
        "seatgrpc.seats.claimed", "{seat}", "Invitations claimed (ClaimSeat), once committed.");

    private static readonly Counter<long> Revoked = Meter.CreateCounter<long>(
        "seatgrpc.seats.revoked", "{seat}", "Seats taken from a grantee (RevokeSeat, batch unassign and replace), once committed.");

    private static readonly Histogram<int> BatchSizes = Meter.CreateHistogram<int>(
        "seatgrpc.batch.size", "{change}", "Changes per applied batch (BatchManageSeats and each ManageSeats message).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] });

    private static readonly Counter<long> ContentionRetries = Meter.CreateCounter<long>(
        "seatgrpc.write.contention_retries", "{retry}", "Write transactions run again after losing a race (deadlock, serialization failure, concurrent change).");

    private static readonly Counter<long> ContentionFailures = Meter.CreateCounter<long>(
        "seatgrpc.write.contention_failures", "{write}", "Writes that kept losing races and were answered ABORTED, reason CONTENTION.");

    private static readonly Histogram<int> GroupSizes = Meter.CreateHistogram<int>(
        "seatgrpc.group_commit.size", "{operation}", "Operations committed together by one SQLite group commit.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });

    /// <summary>Counts the seat events of one committed write.</summary>
    public static void Committed(IReadOnlyList<SeatEventType> events)
    {
        if (!Assigned.Enabled && !Claimed.Enabled && !Revoked.Enabled)
        {
            return;
        }

        foreach (var type in events)
        {
            switch (type)
            {
                case SeatEventType.Assigned:
                    Assigned.Add(1, new KeyValuePair<string, object?>("seatgrpc.change", "assign"));
                    break;
                case SeatEventType.Claimed:
                    Claimed.Add(1);
                    break;
                case SeatEventType.Revoked:
                    Revoked.Add(1, new KeyValuePair<string, object?>("seatgrpc.change", "revoke"));
                    break;
                case SeatEventType.Unassigned:
                    Revoked.Add(1, new KeyValuePair<string, object?>("seatgrpc.change", "unassign"));
                    break;
                case SeatEventType.Replaced:
                    Revoked.Add(1, new KeyValuePair<string, object?>("seatgrpc.change", "replace"));
                    Assigned.Add(1, new KeyValuePair<string, object?>("seatgrpc.change", "replace"));
                    break;
                default:
                    break;
            }
        }
    }

    public static void BatchApplied(int changes) => BatchSizes.Record(changes);

    public static void ContentionRetried() => ContentionRetries.Add(1);

    public static void ContentionGaveUp() => ContentionFailures.Add(1);

    public static void GroupCommitted(int operations) => GroupSizes.Record(operations);
}
