namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>
/// Rebuilds a pool from its event log alone, checking every step against the rules: sequences 1, 2, 3... with no gap
/// or repeat; no seat beyond capacity, ever; one active seat per grantee, at every moment; claims, resends and
/// revocations only of seats in the right state; no resize below the occupied seats.
/// </summary>
internal sealed class EventReplay
{
    private readonly string _pool;
    private readonly List<string> _violations;
    private readonly Dictionary<string, ReplayedSeat> _seats = new(StringComparer.Ordinal);

    // The last events applied, named in a violation: the order that led to it is what a reader of the failure needs.
    private readonly Queue<string> _recent = new();

    private EventReplay(string pool, List<string> violations)
    {
        _pool = pool;
        _violations = violations;
    }

    public int Total { get; private set; }

    public int Occupied { get; private set; }

    public IReadOnlyDictionary<string, ReplayedSeat> Seats => _seats;

    /// <summary>Replays <paramref name="events"/>; <paramref name="immediateClaim"/> says whether a created seat started claimed.</summary>
    public static EventReplay Run(string pool, IReadOnlyList<SeatEvent> events, Func<SeatEvent, bool> immediateClaim, List<string> violations)
    {
        var replay = new EventReplay(pool, violations);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1)
            {
                replay.Fail(e, $"sequence {e.Sequence} at position {i + 1}: a gap or a repeat");
            }

            if (e.Parent != pool)
            {
                replay.Fail(e, $"an event of {e.Parent} in the stream of {pool}");
            }

            replay.Apply(e, immediateClaim);
            replay.Remember(e);
        }

        return replay;
    }

    private void Apply(SeatEvent e, Func<SeatEvent, bool> immediateClaim)
    {
        switch (e.Type)
        {
            case SeatEventType.PoolResized:
                if (e.TotalSeats < Occupied)
                {
                    Fail(e, $"resized to {e.TotalSeats} with {Occupied} seats occupied");
                }

                Total = e.TotalSeats;
                break;
            case SeatEventType.Assigned:
                if (Occupied >= Total)
                {
                    Fail(e, $"a seat assigned beyond capacity: {Occupied} of {Total} were occupied");
                }

                Create(e, immediateClaim(e));
                Occupied++;
                break;
            case SeatEventType.Claimed:
                var claimed = Expect(e, SeatStatus.Pending);
                if (claimed is not null)
                {
                    claimed.Status = SeatStatus.Claimed;
                    claimed.Holder = Identity.Of(e.Grantee);
                    CheckUnique(e);
                }

                break;
            case SeatEventType.InvitationResent:
                Expect(e, SeatStatus.Pending);
                break;
            case SeatEventType.Revoked or SeatEventType.Unassigned:
                if (Expect(e, null) is { } revoked)
                {
                    revoked.Status = SeatStatus.Revoked;
                    Occupied--;
                }

                break;
            case SeatEventType.Replaced:
                var previous = Identity.Of(e.PreviousGrantee);
                var held = _seats.Values.Where(s => s.IsActive && s.Holder.SameAs(previous)).ToList();
                if (held.Count != 1)
                {
                    Fail(e, $"replaced {previous}, who held {held.Count} active seats");
                }

                held.ForEach(s => s.Status = SeatStatus.Revoked);
                Create(e, immediateClaim(e));
                break;
            default:
                Fail(e, $"an event of type {e.Type}");
                break;
        }
    }

    private void Create(SeatEvent e, bool claimed)
    {
        if (_seats.ContainsKey(e.Seat))
        {
            Fail(e, "a seat created twice");
        }

        _seats[e.Seat] = new ReplayedSeat(e.Seat, Identity.Of(e.Grantee), claimed ? SeatStatus.Claimed : SeatStatus.Pending);
        CheckUnique(e);
    }

    /// <summary>The event's seat, which must be active (and in <paramref name="status"/> if given).</summary>
    private ReplayedSeat? Expect(SeatEvent e, SeatStatus? status)
    {
        if (!_seats.TryGetValue(e.Seat, out var seat))
        {
            Fail(e, "an event for a seat that was never created");
            return null;
        }

        if (!seat.IsActive || (status is { } wanted && seat.Status != wanted))
        {
            Fail(e, $"an event for a seat in status {seat.Status}");
            return null;
        }

        return seat;
    }

    private void CheckUnique(SeatEvent e)
    {
        foreach (var shared in _seats.Values.Where(s => s.IsActive).SelectMany(s => s.Holder.UniqueKeys()).GroupBy(k => k).Where(g => g.Count() > 1))
        {
            Fail(e, $"two active seats for {shared.Key}");
        }
    }

    private void Remember(SeatEvent e)
    {
        const int Kept = 12;
        if (_recent.Count == Kept)
        {
            _recent.Dequeue();
        }

        _recent.Enqueue($"{e.Sequence} {e.Type} {e.Seat} (total {e.TotalSeats}, request {e.RequestId})");
    }

    private void Fail(SeatEvent e, string what) =>
        _violations.Add(
            $"event log of {_pool}, sequence {e.Sequence} ({e.Type} {e.Seat}, request {e.RequestId}): {what}; the events before it: " +
            string.Join("; ", _recent));
}
