namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>
/// A pool as the server describes it at a quiet moment: GetSeatPool, every page of ListSeats (pending and claimed,
/// then revoked) with the totals the first page reported, and WatchSeatEvents from sequence 0 up to the checkpoint's
/// sentinel event.
/// </summary>
internal sealed record PoolObservation(
    string Name,
    SeatPool Pool,
    IReadOnlyList<Seat> Active,
    IReadOnlyList<Seat> Revoked,
    int ListedTotal,
    int ListedAvailable,
    IReadOnlyList<SeatEvent> Events);
