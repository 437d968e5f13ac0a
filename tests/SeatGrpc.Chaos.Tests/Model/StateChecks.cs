namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>The listed state of a pool on its own, and against the state its event log replays to.</summary>
internal static class StateChecks
{
    public static void Check(PoolObservation observed, EventReplay replay, List<string> violations)
    {
        var pool = observed.Pool;
        var name = observed.Name;
        if (pool.OccupiedSeats > pool.TotalSeats || pool.AvailableSeats != pool.TotalSeats - pool.OccupiedSeats)
        {
            violations.Add($"{name}: GetSeatPool says {pool.OccupiedSeats} occupied and {pool.AvailableSeats} available of {pool.TotalSeats}");
        }

        if (pool.OccupiedSeats != observed.Active.Count)
        {
            violations.Add($"{name}: {pool.OccupiedSeats} occupied seats, but ListSeats lists {observed.Active.Count} pending or claimed");
        }

        if (observed.ListedTotal != pool.TotalSeats || observed.ListedAvailable != pool.AvailableSeats)
        {
            violations.Add($"{name}: ListSeats says {observed.ListedAvailable} available of {observed.ListedTotal}, GetSeatPool {pool.AvailableSeats} of {pool.TotalSeats}");
        }

        foreach (var shared in observed.Active.SelectMany(s => Identity.Of(s).UniqueKeys()).GroupBy(k => k).Where(g => g.Count() > 1))
        {
            violations.Add($"{name}: {shared.Count()} active seats for {shared.Key}");
        }

        var listed = observed.Active.Concat(observed.Revoked).ToList();
        foreach (var duplicate in listed.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            violations.Add($"{name}: ListSeats lists {duplicate.Key} {duplicate.Count()} times");
        }

        foreach (var seat in listed.Where(s => s.Parent != name || (observed.Revoked.Contains(s) != (s.Status == SeatStatus.Revoked))))
        {
            violations.Add($"{name}: ListSeats lists {seat.Name} of {seat.Parent} in status {seat.Status} under the wrong filter or pool");
        }

        CompareWithReplay(name, pool, listed, replay, violations);
    }

    private static void CompareWithReplay(string name, SeatPool pool, List<Seat> listed, EventReplay replay, List<string> violations)
    {
        if (replay.Total != pool.TotalSeats || replay.Occupied != pool.OccupiedSeats)
        {
            violations.Add($"{name}: the event log replays to {replay.Occupied} of {replay.Total} seats, the pool says {pool.OccupiedSeats} of {pool.TotalSeats}");
        }

        var byName = listed.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var seat in replay.Seats.Values)
        {
            if (!byName.TryGetValue(seat.Name, out var actual))
            {
                violations.Add($"{name}: the event log has {seat.Name} ({seat.Status} {seat.Holder}), ListSeats does not");
            }
            else if (actual.Status != seat.Status || Identity.Of(actual) != seat.Holder)
            {
                violations.Add($"{name}: {seat.Name} is {actual.Status} {Identity.Of(actual)} in ListSeats, {seat.Status} {seat.Holder} by the event log");
            }
        }

        foreach (var extra in listed.Where(s => !replay.Seats.ContainsKey(s.Name)))
        {
            violations.Add($"{name}: ListSeats has {extra.Name} ({extra.Status} {Identity.Of(extra)}), which no event created");
        }
    }
}
