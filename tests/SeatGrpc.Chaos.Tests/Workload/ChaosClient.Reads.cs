using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Reads in the mix, each checked on its own: what one answer alone must satisfy.</summary>
internal sealed partial class ChaosClient
{
    private async Task ReadAsync(Random r, CancellationToken cancellationToken)
    {
        var pool = PickPool(r);
        var endpoint = await _context.Cluster.PickAsync(r.Next(), cancellationToken).ConfigureAwait(false);
        var api = endpoint.Api(r.Next(2) == 0);
        var timeout = _context.Options.CallTimeout;
        var begin = History.Now;
        switch (r.Next(3))
        {
            case 0:
                var pooled = await api.GetPoolAsync(new GetSeatPoolRequest { Name = pool }, timeout, cancellationToken).ConfigureAwait(false);
                Heard("GetSeatPool", pooled.Outcome, begin);
                if (pooled.Response?.Pool is { } state
                    && (state.Name != pool || state.OccupiedSeats > state.TotalSeats || state.AvailableSeats != state.TotalSeats - state.OccupiedSeats))
                {
                    History.ReadFailed($"{api.Transport} GetSeatPool {pool}: {state}");
                }

                CheckRead(api, "GetSeatPool", pooled.Outcome);
                break;
            case 1:
                var status = (SeatStatus)r.Next(4);
                var listed = await api.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageSize = 1 + r.Next(5), Status = status }, timeout, cancellationToken)
                    .ConfigureAwait(false);
                Heard("ListSeats", listed.Outcome, begin);
                if (listed.Response is { } page
                    && (page.AvailableSeats < 0 || page.AvailableSeats > page.TotalSeats
                        || page.Seats.Any(s => s.Parent != pool || !Matches(status, s.Status))))
                {
                    History.ReadFailed($"{api.Transport} ListSeats {pool} {status}: {page}");
                }

                CheckRead(api, "ListSeats", listed.Outcome);
                break;
            default:
                if (_context.Knowledge.PickSeat(pool, r.Next()) is not { } known)
                {
                    return;
                }

                var got = await api.GetSeatAsync(new GetSeatRequest { Name = known.Name }, timeout, cancellationToken).ConfigureAwait(false);
                Heard("GetSeat", got.Outcome, begin);
                if (got.Response?.Seat is { } seat && (seat.Name != known.Name || seat.Parent != pool))
                {
                    History.ReadFailed($"{api.Transport} GetSeat {known.Name}: {seat}");
                }

                // The seat came from an acknowledged answer: it must exist.
                CheckRead(api, $"GetSeat {known.Name}", got.Outcome);
                break;
        }
    }

    private static bool Matches(SeatStatus filter, SeatStatus status) =>
        filter == SeatStatus.Unspecified ? status is SeatStatus.Pending or SeatStatus.Claimed : status == filter;

    private void Heard(string operation, Outcome outcome, TimeSpan begin) =>
        _context.Listener?.OnAttempt(operation, outcome, History.Now - begin);

    private void CheckRead(ISeatApi api, string what, Outcome outcome)
    {
        // A read of a pool or a seat that acknowledged calls made has no reason to be refused (NOT_FOUND: a lost seat).
        if (outcome is Broken or Rejected)
        {
            History.ReadFailed($"{api.Transport} {what}: {outcome.Describe()}");
        }
    }
}
