namespace SeatGrpc.Domain;

/// <summary>
/// The seat rules for one caller (<see cref="SeatAllocator.For"/>): every read and write sees only the caller's tenant,
/// so another tenant's pool, seat, event stream, invitation token or request id is exactly as unknown as one that never
/// existed; every event records the caller's key. Every mutation runs in one write transaction; with an
/// <see cref="IdempotencyKey"/> the result, encoded by the caller's <c>encodeResult</c>, is stored in that same
/// transaction, and a retry returns those bytes (<see cref="IdempotentResult{T}.IsReplayed"/>) without changing
/// anything. Encoders must leave out invitation tokens: a replay returns the seat without its token.
/// Errors are <see cref="SeatDomainException"/> with a <see cref="SeatErrorKind"/>.
/// </summary>
public sealed class TenantSeats
{
    private readonly SeatAllocator _allocator;

    internal TenantSeats(SeatAllocator allocator, Caller caller)
    {
        _allocator = allocator;
        Caller = caller;
    }

    public Caller Caller { get; }

    private string Tenant => Caller.Tenant;

    /// <summary>Creates or resizes a pool. Errors: InvalidArgument, PoolBoundsViolated, PoolShrinkBelowOccupied.</summary>
    public Task<IdempotentResult<Pool>> UpsertPoolAsync(
        PoolSettings settings, IdempotencyKey? idempotencyKey, Func<Pool, byte[]>? encodeResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _allocator.Runner.RunInPoolAsync(
            Caller, settings.Name, idempotencyKey, encodeResult, (context, ct) => Internal.PoolWriter.UpsertAsync(context, settings, ct), cancellationToken);
    }

    /// <summary>Errors: PoolNotFound.</summary>
    public Task<Pool> GetPoolAsync(string name, CancellationToken cancellationToken) =>
        _allocator.Reader.GetPoolAsync(Tenant, name, cancellationToken);

    /// <summary>
    /// Takes a free seat for the grantee; the token is null when <paramref name="immediateClaim"/>.
    /// Errors: InvalidArgument, PoolNotFound, NoSeatsAvailable, GranteeAlreadySeated, RequestIdReused.
    /// </summary>
    public Task<IdempotentResult<AssignedSeat>> AssignSeatAsync(
        string parent,
        Grantee grantee,
        IReadOnlyDictionary<string, string>? metadata,
        bool immediateClaim,
        IdempotencyKey? idempotencyKey,
        Func<AssignedSeat, byte[]>? encodeResult,
        CancellationToken cancellationToken)
    {
        return _allocator.Runner.RunInPoolAsync(
            Caller,
            parent,
            idempotencyKey,
            encodeResult,
            (context, ct) => _allocator.Operations.AssignAsync(context, parent, grantee, metadata, immediateClaim, ct),
            cancellationToken);
    }

    /// <summary>
    /// A page of the pool's seats in creation order; a null <paramref name="status"/> lists the pending and claimed seats
    /// (those occupying capacity); <paramref name="pageSize"/> 0 means 50, above 1000 is clamped.
    /// Errors: PoolNotFound, InvalidPageToken.
    /// </summary>
    public Task<SeatPage> ListSeatsAsync(
        string parent, SeatStatus? status, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        return _allocator.Reader.ListSeatsAsync(Tenant, parent, status, pageSize, pageToken, cancellationToken);
    }

    /// <summary>Errors: SeatNotFound.</summary>
    public Task<Seat> GetSeatAsync(string name, CancellationToken cancellationToken) =>
        _allocator.Reader.GetSeatAsync(Tenant, name, cancellationToken);

    /// <summary>
    /// Revokes the seat and frees its capacity; a revoked seat is returned unchanged, with no new event.
    /// Errors: SeatNotFound, EtagMismatch (when <paramref name="etag"/> is given and differs), RequestIdReused.
    /// </summary>
    public Task<IdempotentResult<Seat>> RevokeSeatAsync(
        string name, string? etag, IdempotencyKey? idempotencyKey, Func<Seat, byte[]>? encodeResult, CancellationToken cancellationToken)
    {
        return _allocator.Runner.RunAsync(
            Caller, idempotencyKey, encodeResult, (context, ct) => Internal.SeatOperations.RevokeAsync(context, name, etag, ct), cancellationToken);
    }

    /// <summary>New token and expiry for a pending seat; the old token stops working. Errors: SeatNotFound, SeatNotPending, RequestIdReused.</summary>
    public Task<IdempotentResult<AssignedSeat>> ResendInvitationAsync(
        string name, IdempotencyKey? idempotencyKey, Func<AssignedSeat, byte[]>? encodeResult, CancellationToken cancellationToken)
    {
        return _allocator.Runner.RunAsync(
            Caller, idempotencyKey, encodeResult, (context, ct) => _allocator.Operations.ResendInvitationAsync(context, name, ct), cancellationToken);
    }

    /// <summary>
    /// Claims the pending seat of the token (single use); records <paramref name="claimantCustomerId"/> when the seat had no customer id.
    /// Errors: InvalidInvitationToken, GranteeAlreadySeated, RequestIdReused.
    /// </summary>
    public Task<IdempotentResult<Seat>> ClaimSeatAsync(
        string token, string? claimantCustomerId, IdempotencyKey? idempotencyKey, Func<Seat, byte[]>? encodeResult,
        CancellationToken cancellationToken)
    {
        return _allocator.Runner.RunAsync(
            Caller,
            idempotencyKey,
            encodeResult,
            (context, ct) => Internal.SeatOperations.ClaimAsync(context, token, claimantCustomerId, ct),
            cancellationToken);
    }

    /// <summary>The tenant's pools in which the customer holds a claimed seat, with that seat. Errors: InvalidPageToken.</summary>
    public Task<ClaimedSubscriptionPage> ListClaimedSubscriptionsAsync(
        string customerId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        return _allocator.Reader.ListClaimedSubscriptionsAsync(Tenant, customerId, pageSize, pageToken, cancellationToken);
    }

    /// <summary>
    /// Applies the changes in order, all or nothing. Errors: PoolNotFound, RequestIdReused, and BatchChangeFailed
    /// carrying <see cref="SeatDomainException.ChangeIndex"/> and the change's own error.
    /// </summary>
    public Task<IdempotentResult<BatchResult>> ApplyBatchAsync(
        string parent,
        IReadOnlyList<SeatChange> changes,
        IdempotencyKey? idempotencyKey,
        Func<BatchResult, byte[]>? encodeResult,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return _allocator.Runner.RunInPoolAsync(
            Caller, parent, idempotencyKey, encodeResult, (context, ct) => _allocator.Batches.ApplyAsync(context, parent, changes, ct), cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> (1..1000, 0 means 50) events after the sequence. Errors: PoolNotFound.</summary>
    public Task<IReadOnlyList<SeatEvent>> ReadEventsAsync(string parent, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        return _allocator.Reader.ReadEventsAsync(Tenant, parent, afterSequence, limit, cancellationToken);
    }

    /// <summary>
    /// The pool's stored events after <paramref name="afterSequence"/>, then live ones as they commit, each exactly once.
    /// The first <c>MoveNextAsync</c> throws PoolNotFound for an unknown pool; the stream ends by cancellation.
    /// </summary>
    public IAsyncEnumerable<SeatEvent> WatchAsync(string parent, long afterSequence, CancellationToken cancellationToken)
    {
        return _allocator.Watcher.WatchAsync(Tenant, parent, afterSequence, cancellationToken);
    }

    /// <summary>Whether the database can be opened and queried.</summary>
    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => _allocator.CheckHealthAsync(cancellationToken);
}
