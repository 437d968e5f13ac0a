namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>
/// What the clients have learned from answers, shared among them to pick targets: the seats of each pool (with the
/// last etag seen) and the invitation tokens handed out. Picks are by index, so a seed's choices stay the same.
/// </summary>
internal sealed class Knowledge
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<string>> _seatsByPool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Pool, string Etag)> _seats = new(StringComparer.Ordinal);
    private readonly List<(string Token, string Seat)> _tokens = [];

    public void Learn(Seat? seat, string? token = null)
    {
        if (seat is null || seat.Name.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (!_seats.ContainsKey(seat.Name))
            {
                if (!_seatsByPool.TryGetValue(seat.Parent, out var list))
                {
                    _seatsByPool[seat.Parent] = list = [];
                }

                list.Add(seat.Name);
            }

            _seats[seat.Name] = (seat.Parent, seat.Etag);
            if (!string.IsNullOrEmpty(token))
            {
                _tokens.Add((token, seat.Name));
            }
        }
    }

    /// <summary>A known seat of the pool, preferring recent ones (older seats are mostly revoked); null when none.</summary>
    public (string Name, string Etag)? PickSeat(string pool, int choice)
    {
        lock (_gate)
        {
            if (!_seatsByPool.TryGetValue(pool, out var list) || list.Count == 0)
            {
                return null;
            }

            var window = Math.Min(list.Count, 12);
            var name = list[list.Count - 1 - (int)((uint)choice % (uint)window)];
            return (name, _seats[name].Etag);
        }
    }

    /// <summary>A token handed out recently (it may since have been used, replaced or revoked); null when none.</summary>
    public string? PickToken(int choice)
    {
        lock (_gate)
        {
            if (_tokens.Count == 0)
            {
                return null;
            }

            var window = Math.Min(_tokens.Count, 16);
            return _tokens[_tokens.Count - 1 - (int)((uint)choice % (uint)window)].Token;
        }
    }

    /// <summary>The pool of a known seat, or empty.</summary>
    public string PoolOf(string seat)
    {
        lock (_gate)
        {
            return _seats.TryGetValue(seat, out var known) ? known.Pool : string.Empty;
        }
    }
}
