using Google.Protobuf;
using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Model;
using SeatGrpc.Chaos.Tests.Workload;
using Xunit;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// The checker itself, on small made-up histories and server states: it must catch each kind of breach it claims to
/// (a check that cannot fail proves nothing), and pass a consistent history.
/// </summary>
public sealed class ModelCheckerTests
{
    private const string Pool = "subscriptions/p";

    [Fact]
    public void ConsistentHistory_NoViolation()
    {
        var (history, events, seats) = OneAssignedSeat();

        Assert.Empty(Check(history, events, seats, total: 1));
    }

    [Fact]
    public void AcknowledgedAssignWithoutItsEvent_LostChange()
    {
        var (history, _, _) = OneAssignedSeat();

        var violations = Check(history, [Resized(1, 1, "r0")], [], total: 1);

        Assert.Contains(violations, v => v.Contains("a lost change", StringComparison.Ordinal));
    }

    [Fact]
    public void SecondSeatInAPoolOfOne_BeyondCapacity()
    {
        var (history, events, seats) = OneAssignedSeat();
        Assign(history, "r2", "b@example.com", "seats/s2");

        var violations = Check(history, [.. events, Assigned(3, "seats/s2", "b@example.com", "r2")], [.. seats, Seat("seats/s2", "b@example.com")], total: 1, occupied: 2);

        Assert.Contains(violations, v => v.Contains("beyond capacity", StringComparison.Ordinal));
    }

    [Fact]
    public void BatchInDoubtWithOneOfItsTwoEvents_HalfApplied()
    {
        var (history, events, seats) = OneAssignedSeat();
        var batch = new BatchManageSeatsRequest
        {
            Parent = Pool,
            RequestId = "rb",
            Changes =
            {
                new SeatChange { Unassign = new SeatChange.Types.Unassign { Grantee = new Grantee { Email = "a@example.com" } } },
                new SeatChange { Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = "c@example.com" } } },
            },
        };
        history.Begin(0, CallKind.Batch, Pool, "rb", batch).Add(new Attempt("grpc", new InDoubt("killed"), null, TimeSpan.Zero, TimeSpan.Zero, false));

        var violations = Check(history, [.. events, Event(3, SeatEventType.Unassigned, "seats/s1", "a@example.com", "rb")], [Seat("seats/s1", "a@example.com", SeatStatus.Revoked)], total: 1, occupied: 0);

        Assert.Contains(violations, v => v.Contains("half applied", StringComparison.Ordinal));
    }

    [Fact]
    public void SequenceGap_Reported()
    {
        var (history, events, seats) = OneAssignedSeat();
        events[1].Sequence = 3;

        Assert.Contains(Check(history, events, seats, total: 1), v => v.Contains("a gap or a repeat", StringComparison.Ordinal));
    }

    [Fact]
    public void ReplayWithADifferentAnswer_Reported()
    {
        var (history, events, seats) = OneAssignedSeat();
        var call = history.Calls.Single(c => c.RequestId == "r1");
        call.Add(new Attempt("rest", Ok.Instance, new AssignSeatResponse { Seat = Seat("seats/other", "a@example.com") }, TimeSpan.Zero, TimeSpan.Zero, true));

        Assert.Contains(Check(history, events, seats, total: 1), v => v.Contains("answered differently", StringComparison.Ordinal));
    }

    private static (History History, List<SeatEvent> Events, List<Seat> Seats) OneAssignedSeat()
    {
        var history = new History();
        var create = new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 1 }, RequestId = "r0" };
        history.Begin(-1, CallKind.Resize, Pool, "r0", create)
            .Add(new Attempt("grpc", Ok.Instance, new UpsertSeatPoolResponse { Pool = create.Pool }, TimeSpan.Zero, TimeSpan.Zero, false));
        Assign(history, "r1", "a@example.com", "seats/s1");
        return (history, [Resized(1, 1, "r0"), Assigned(2, "seats/s1", "a@example.com", "r1")], [Seat("seats/s1", "a@example.com")]);
    }

    private static CallRecord Assign(History history, string requestId, string email, string seat)
    {
        var request = new AssignSeatRequest { Parent = Pool, Email = email, RequestId = requestId };
        var record = history.Begin(0, CallKind.Assign, Pool, requestId, request);
        record.Add(new Attempt("grpc", Ok.Instance, new AssignSeatResponse { Seat = Seat(seat, email), InvitationToken = "t" }, TimeSpan.Zero, TimeSpan.Zero, false));
        return record;
    }

    private static List<string> Check(History history, IReadOnlyList<SeatEvent> events, IReadOnlyList<Seat> seats, int total, int? occupied = null)
    {
        var active = seats.Where(s => s.Status != SeatStatus.Revoked).ToList();
        var used = occupied ?? active.Count;
        var pool = new SeatPool { Name = Pool, TotalSeats = total, OccupiedSeats = used, AvailableSeats = total - used };
        var observation = new PoolObservation(Pool, pool, active, [.. seats.Except(active)], total, total - used, events);
        return ModelChecker.Check(history.Calls, [], [observation], out _);
    }

    private static Seat Seat(string name, string email, SeatStatus status = SeatStatus.Pending) =>
        new() { Name = name, Parent = Pool, Email = email, Status = status };

    private static SeatEvent Resized(long sequence, int total, string requestId) =>
        new() { Parent = Pool, Sequence = sequence, Type = SeatEventType.PoolResized, TotalSeats = total, RequestId = requestId };

    private static SeatEvent Assigned(long sequence, string seat, string email, string requestId) =>
        Event(sequence, SeatEventType.Assigned, seat, email, requestId);

    private static SeatEvent Event(long sequence, SeatEventType type, string seat, string email, string requestId) =>
        new() { Parent = Pool, Sequence = sequence, Type = type, Seat = seat, Grantee = new Grantee { Email = email }, RequestId = requestId };
}
