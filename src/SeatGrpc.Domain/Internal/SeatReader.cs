using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// The read operations, each within one tenant. Lists use keyset pagination on the internal seat id, so a page costs the
/// same at any depth; page tokens are signed over the tenant too, so one tenant's token is invalid for another.
/// </summary>
internal sealed class SeatReader
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    private readonly SeatDatabase _database;
    private readonly PageTokenCodec _pageTokens;

    public SeatReader(SeatDatabase database, PageTokenCodec pageTokens)
    {
        _database = database;
        _pageTokens = pageTokens;
    }

    public async Task<Pool> GetPoolAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        if (!ResourceNames.IsPoolName(name))
        {
            throw PoolNotFound();
        }

        await using var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var row = await _database.Pools.FindByNameAsync(session, tenant, name, cancellationToken).ConfigureAwait(false) ?? throw PoolNotFound();
        return RowMapper.ToPool(row);
    }

    public async Task<Seat> GetSeatAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        var id = ResourceNames.SeatId(name) ?? throw SeatNotFound();
        await using var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var row = await _database.Seats.FindByPublicIdAsync(session, tenant, id, cancellationToken).ConfigureAwait(false) ?? throw SeatNotFound();
        return RowMapper.ToSeat(row);
    }

    public async Task<SeatPage> ListSeatsAsync(
        string tenant, string parent, SeatStatus? status, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var statusName = status is { } value ? RowMapper.ToStatusName(value) : null;
        var query = $"ListSeats\n{tenant}\n{parent}\n{statusName}";
        var afterId = _pageTokens.Decode(pageToken, query);
        var size = ClampPageSize(pageSize);
        if (!ResourceNames.IsPoolName(parent))
        {
            throw PoolNotFound();
        }

        // One snapshot: the totals agree with the seats of the page.
        await using var session = await _database.BeginSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var pool = await _database.Pools.FindByNameAsync(session, tenant, parent, cancellationToken).ConfigureAwait(false) ?? throw PoolNotFound();
        var rows = await _database.Seats.ListPageAsync(session, pool.Id, parent, statusName, afterId, size + 1, cancellationToken).ConfigureAwait(false);
        var count = Math.Min(rows.Count, size);
        var seats = new Seat[count];
        for (var i = 0; i < count; i++)
        {
            seats[i] = RowMapper.ToSeat(rows[i], parent);
        }

        var next = rows.Count > size ? _pageTokens.Encode(query, rows[size - 1].Id) : null;
        return new SeatPage(seats, checked((int)pool.TotalSeats), checked((int)(pool.TotalSeats - pool.OccupiedSeats)), next);
    }

    public async Task<ClaimedSubscriptionPage> ListClaimedSubscriptionsAsync(
        string tenant, string customerId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var query = $"ListClaimedSubscriptions\n{tenant}\n{customerId}";
        var afterId = _pageTokens.Decode(pageToken, query);
        var size = ClampPageSize(pageSize);
        await using var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var rows = await _database.Seats.ListClaimedByCustomerAsync(session, tenant, customerId, afterId, size + 1, cancellationToken).ConfigureAwait(false);
        var count = Math.Min(rows.Count, size);
        var items = new ClaimedSubscription[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = new ClaimedSubscription(RowMapper.ToPool(rows[i].Pool), RowMapper.ToSeat(rows[i].Seat));
        }

        var next = rows.Count > size ? _pageTokens.Encode(query, rows[size - 1].Seat.Id) : null;
        return new ClaimedSubscriptionPage(items, next);
    }

    public async Task<IReadOnlyList<SeatEvent>> ReadEventsAsync(
        string tenant, string parent, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var poolId = await ResolvePoolIdAsync(session, tenant, parent, cancellationToken).ConfigureAwait(false);
        return await ReadEventsAsync(session, poolId, parent, afterSequence, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> ResolvePoolIdAsync(StorageSession session, string tenant, string parent, CancellationToken cancellationToken)
    {
        return (ResourceNames.IsPoolName(parent)
                ? await _database.Pools.FindIdByNameAsync(session, tenant, parent, cancellationToken).ConfigureAwait(false)
                : null)
            ?? throw PoolNotFound();
    }

    public async Task<IReadOnlyList<SeatEvent>> ReadEventsAsync(
        StorageSession session, long poolId, string parent, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var rows = await _database.Events.ReadAfterAsync(session, poolId, Math.Max(afterSequence, 0), ClampPageSize(limit), cancellationToken)
            .ConfigureAwait(false);
        var events = new SeatEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            events[i] = RowMapper.ToEvent(rows[i], parent);
        }

        return events;
    }

    private static int ClampPageSize(int pageSize) => pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);

    private static SeatDomainException PoolNotFound() => new(SeatErrorKind.PoolNotFound, "The pool does not exist.");

    private static SeatDomainException SeatNotFound() => new(SeatErrorKind.SeatNotFound, "The seat does not exist.");
}
