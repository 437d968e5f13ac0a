using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The seats table. Uniqueness of a grantee's active seat per pool is the database's job: partial
/// unique indexes per identity kind, with <c>ON CONFLICT DO NOTHING</c> so a clash is a null, not an exception.
/// The seat SELECTs list their columns in <see cref="SeatRowReader.Columns"/> order and are read by it.
/// </summary>
internal sealed class SeatRepository
{
    private const string InsertSeat = """
        INSERT INTO seats (public_id, pool_id, tenant, status, email, email_normalized, customer_id, external_customer_id,
                           metadata, token_hash, invitation_expire_time, claim_time, create_time, update_time, version)
        VALUES (@PublicId, @PoolId, @Tenant, @Status, @Email, @EmailNormalized, @CustomerId, @ExternalCustomerId,
                @Metadata, @TokenHash, @InvitationExpireTime, @ClaimTime, @CreateTime, @CreateTime, 1)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    // PostgreSQL only (a data-modifying WITH): takes a free seat of the pool by name and inserts the seat in one statement.
    // No row: the pool is full or missing. A row with a null seat id: the grantee already holds a seat (the caller rolls back).
    private const string OccupyAndInsertSeat = """
        WITH occupied AS (
            UPDATE pools
            SET occupied_seats = occupied_seats + 1, last_event_sequence = last_event_sequence + 1,
                update_time = @CreateTime, version = version + 1
            WHERE tenant = @Tenant AND name = @Name AND occupied_seats < total_seats
            RETURNING id, name, last_event_sequence, total_seats, occupied_seats),
        seat AS (
            INSERT INTO seats (public_id, pool_id, tenant, status, email, email_normalized, customer_id, external_customer_id,
                               metadata, token_hash, invitation_expire_time, claim_time, create_time, update_time, version)
            SELECT @PublicId, occupied.id, @Tenant, @Status, @Email, @EmailNormalized, @CustomerId, @ExternalCustomerId,
                   @Metadata, @TokenHash, @InvitationExpireTime, @ClaimTime, @CreateTime, @CreateTime, 1
            FROM occupied
            ON CONFLICT DO NOTHING
            RETURNING id)
        SELECT id, name, last_event_sequence, total_seats, occupied_seats, (SELECT id FROM seat) FROM occupied
        """;

    private const string SelectByPublicId = """
        SELECT s.id, s.public_id, s.pool_id, p.name AS parent, s.status, s.email, s.customer_id, s.external_customer_id,
               s.metadata, s.invitation_expire_time, s.claim_time, s.revoke_time, s.create_time, s.update_time, s.version
        FROM seats s JOIN pools p ON p.id = s.pool_id
        WHERE s.public_id = @PublicId AND s.tenant = @Tenant
        """;

    private const string SelectActiveByEmail = """
        SELECT id, public_id, pool_id, @Parent AS parent, status, email, customer_id, external_customer_id,
               metadata, invitation_expire_time, claim_time, revoke_time, create_time, update_time, version
        FROM seats
        WHERE pool_id = @PoolId AND email_normalized = @EmailNormalized AND status <> 'revoked'
          AND (@CustomerId IS NULL OR customer_id = @CustomerId)
          AND (@ExternalCustomerId IS NULL OR external_customer_id = @ExternalCustomerId)
        """;

    private const string SelectActiveByCustomerId = """
        SELECT id, public_id, pool_id, @Parent AS parent, status, email, customer_id, external_customer_id,
               metadata, invitation_expire_time, claim_time, revoke_time, create_time, update_time, version
        FROM seats
        WHERE pool_id = @PoolId AND customer_id = @CustomerId AND status <> 'revoked'
          AND (@ExternalCustomerId IS NULL OR external_customer_id = @ExternalCustomerId)
        """;

    private const string SelectActiveByExternalCustomerId = """
        SELECT id, public_id, pool_id, @Parent AS parent, status, email, customer_id, external_customer_id,
               metadata, invitation_expire_time, claim_time, revoke_time, create_time, update_time, version
        FROM seats
        WHERE pool_id = @PoolId AND external_customer_id = @ExternalCustomerId AND status <> 'revoked'
        """;

    // A run of one status (the literal or parameter that ends it) in id order, from the (pool_id, status, id) index.
    private const string RunOfStatus = """
        SELECT id, public_id, pool_id, @Parent AS parent, status, email, customer_id, external_customer_id,
               metadata, invitation_expire_time, claim_time, revoke_time, create_time, update_time, version
        FROM seats
        WHERE pool_id = @PoolId AND id > @AfterId AND status =
        """;

    // No status filter means the seats that occupy capacity (SEAT_STATUS_UNSPECIFIED in the contract): the pending and
    // the claimed ones (the only other status the schema allows is revoked). Each is a run in id order in the
    // (pool_id, status, id) index; a page reads about a page of rows from the two and merges them. "status <> 'revoked'"
    // walked the pool's seats in id order and skipped the revoked ones: a pool with a long history of reassignments paid
    // for every seat it ever revoked (224 ms for the first page after 74,550).
    private const string PendingRun = RunOfStatus + " 'pending'";

    private const string ClaimedRun = RunOfStatus + " 'claimed'";

    private const string PageOrder = """

        ORDER BY id
        LIMIT @Limit
        """;

    /// <summary>SQLite merges the two ordered runs and stops at the limit.</summary>
    internal const string SelectOccupyingPageInPool = PendingRun + "\nUNION ALL\n" + ClaimedRun + PageOrder;

    /// <summary>
    /// PostgreSQL, without a limit on each run, may read every pending seat of the pool and sort them; with it, it merges
    /// two index scans that stop at the limit. In SQLite the inner limits cost a sort of each run (a quarter more CPU).
    /// </summary>
    internal const string SelectOccupyingPageInPoolLimitingEachRun =
        "SELECT * FROM (" + PendingRun + PageOrder + ") AS pending\nUNION ALL\nSELECT * FROM (" + ClaimedRun + PageOrder + ") AS claimed" + PageOrder;

    private const string SelectPageInPoolWithStatus = RunOfStatus + " @Status" + PageOrder;

    private const string SelectClaimedByCustomer = """
        SELECT s.id, s.public_id, s.pool_id, p.name AS parent, s.status, s.email, s.customer_id, s.external_customer_id,
               s.metadata, s.invitation_expire_time, s.claim_time, s.revoke_time, s.create_time, s.update_time, s.version,
               p.id, p.name, p.customer_id, p.total_seats, p.min_seats, p.max_seats, p.occupied_seats,
               p.last_event_sequence, p.create_time, p.update_time, p.version
        FROM seats s JOIN pools p ON p.id = s.pool_id
        WHERE s.tenant = @Tenant AND s.customer_id = @CustomerId AND s.status = 'claimed' AND s.id > @AfterId
        ORDER BY s.id
        LIMIT @Limit
        """;

    // Both updates apply only to the version the transaction read: a seat changed since (claimed, revoked, its
    // invitation resent) makes them miss, and the caller runs the transaction again on what is there now.
    private const string RevokeActiveSeat = """
        UPDATE seats
        SET status = 'revoked', revoke_time = @Now, token_hash = NULL, legacy_token = FALSE, update_time = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status <> 'revoked'
        """;

    private const string ReplacePendingToken = """
        UPDATE seats
        SET token_hash = @TokenHash, legacy_token = FALSE, invitation_expire_time = @ExpireTime, update_time = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'pending'
        """;

    // A claim: the seat becomes claimed and its token hash is cleared in the same statement, so a token works once.
    private const string ClaimSeat = """
        UPDATE seats
        SET status = 'claimed', claim_time = @Now, token_hash = NULL, legacy_token = FALSE,
            customer_id = COALESCE(customer_id, @ClaimantCustomerId), update_time = @Now, version = version + 1

        """;

    private const string ClaimedSeat = """

        RETURNING id, public_id, pool_id, status, email, customer_id, external_customer_id,
                  metadata, invitation_expire_time, claim_time, revoke_time, create_time, update_time, version
        """;

    // A token names its seat ('<public id>.<secret>'): the seat is found by the unique public_id index and the hash is
    // checked on that row.
    internal const string ClaimBySeatAndTokenHash = ClaimSeat + """
        WHERE public_id = @SeatId AND tenant = @Tenant AND token_hash = @TokenHash AND status = 'pending' AND invitation_expire_time > @Now
        """ + ClaimedSeat;

    // A token of schema version 2 (no seat id in it) is found by its hash, in the partial index over legacy rows only:
    // the WHERE names legacy_token as that index's condition does, or the index would not be used.
    internal const string ClaimByLegacyTokenHash = ClaimSeat + """
        WHERE token_hash = @TokenHash AND legacy_token AND tenant = @Tenant AND status = 'pending' AND invitation_expire_time > @Now
        """ + ClaimedSeat;

    private readonly ISqlDialect _dialect;

    public SeatRepository(ISqlDialect dialect)
    {
        _dialect = dialect;
    }

    /// <summary>
    /// Whether <see cref="TryOccupyAndInsertAsync"/> can take the seat and insert it in one statement (one round trip), which
    /// needs an UPDATE inside a WITH clause. Elsewhere the caller takes the seat (<see cref="PoolRepository.TryOccupyByNameAsync"/>),
    /// then inserts it.
    /// </summary>
    public bool OccupiesAndInsertsAtOnce => _dialect.HasWritableCommonTableExpressions;

    /// <summary>
    /// Takes a free seat of the tenant's pool of that name and inserts <paramref name="seat"/> in it (its pool id is the
    /// pool's, whatever <see cref="NewSeatRow.PoolId"/> says). The stamp is null when the pool is full or missing;
    /// <c>Inserted</c> is false when the grantee already holds an active seat there (roll back: the seat was taken).
    /// </summary>
    public async Task<(PoolStamp? Stamp, bool Inserted)> TryOccupyAndInsertAsync(
        StorageSession session, string poolName, NewSeatRow seat, CancellationToken cancellationToken)
    {
        var command = Parameters(session.Command(OccupyAndInsertSeat), seat).With("@Name", poolName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (null, false);
        }

        var stamp = PoolStamp.Read(reader);
        return (stamp, !await reader.IsDBNullAsync(5, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Inserts a seat; null when the grantee already holds an active seat in the pool.</summary>
    public Task<long?> TryInsertAsync(StorageSession session, NewSeatRow seat, CancellationToken cancellationToken)
    {
        return Parameters(session.Command(InsertSeat), seat).With("@PoolId", seat.PoolId).ScalarInt64Async(cancellationToken);
    }

    private static System.Data.Common.DbCommand Parameters(System.Data.Common.DbCommand command, NewSeatRow seat)
    {
        return command
            .With("@PublicId", seat.PublicId)
            .With("@Tenant", seat.Tenant)
            .With("@Status", seat.Status)
            .With("@Email", seat.Email)
            .With("@EmailNormalized", seat.EmailNormalized)
            .With("@CustomerId", seat.CustomerId)
            .With("@ExternalCustomerId", seat.ExternalCustomerId)
            .With("@Metadata", seat.Metadata)
            .With("@TokenHash", seat.TokenHash)
            .With("@InvitationExpireTime", seat.InvitationExpireTime)
            .With("@ClaimTime", seat.ClaimTime)
            .With("@CreateTime", seat.CreateTime);
    }

    /// <summary>The tenant's seat with that public id; another tenant's seat is not found.</summary>
    public Task<SeatRow?> FindByPublicIdAsync(StorageSession session, string tenant, string publicId, CancellationToken cancellationToken)
    {
        return RowReads.ReadSingleOrDefaultAsync<SeatRow, SeatRowReader>(
            session, session.Command(SelectByPublicId).With("@PublicId", publicId).With("@Tenant", tenant), cancellationToken);
    }

    /// <summary>The grantee's non-revoked seat: every identity given must match; the first one given picks the index.</summary>
    public Task<SeatRow?> FindActiveByGranteeAsync(
        StorageSession session, long poolId, string parent, string? emailNormalized, string? customerId, string? externalCustomerId,
        CancellationToken cancellationToken)
    {
        var sql = emailNormalized is not null ? SelectActiveByEmail
            : customerId is not null ? SelectActiveByCustomerId
            : SelectActiveByExternalCustomerId;
        var command = session.Command(sql).With("@PoolId", poolId).With("@Parent", parent).With("@ExternalCustomerId", externalCustomerId);
        if (emailNormalized is not null)
        {
            command.With("@EmailNormalized", emailNormalized);
        }

        if (emailNormalized is not null || customerId is not null)
        {
            command.With("@CustomerId", customerId);
        }

        return RowReads.ReadSingleOrDefaultAsync<SeatRow, SeatRowReader>(session, command, cancellationToken);
    }

    /// <summary>Seats of one pool after <paramref name="afterId"/> in id order, optionally of one status.</summary>
    public async Task<IReadOnlyList<SeatRow>> ListPageAsync(
        StorageSession session, long poolId, string parent, string? status, long afterId, int limit, CancellationToken cancellationToken)
    {
        var sql = status is not null ? SelectPageInPoolWithStatus
            : _dialect.LimitsEachUnionRun ? SelectOccupyingPageInPoolLimitingEachRun
            : SelectOccupyingPageInPool;
        var command = session.Command(sql).With("@PoolId", poolId).With("@Parent", parent).With("@AfterId", afterId).With("@Limit", (long)limit);
        if (status is not null)
        {
            command.With("@Status", status);
        }

        return await RowReads.ReadAllAsync<SeatRow, SeatRowReader>(session, command, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer's claimed seats in the tenant's pools after <paramref name="afterId"/>, each with its pool.</summary>
    public async Task<IReadOnlyList<(SeatRow Seat, PoolRow Pool)>> ListClaimedByCustomerAsync(
        StorageSession session, string tenant, string customerId, long afterId, int limit, CancellationToken cancellationToken)
    {
        var command = session.Command(SelectClaimedByCustomer)
            .With("@Tenant", tenant).With("@CustomerId", customerId).With("@AfterId", afterId).With("@Limit", (long)limit);
        return await RowReads.ReadAllAsync<(SeatRow, PoolRow), ClaimedSeatReader>(session, command, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A claimed seat's columns (<see cref="SeatRowReader.Columns"/>), then its pool's (<see cref="PoolRowReader.Columns"/>).</summary>
    private sealed class ClaimedSeatReader : IRowReader<(SeatRow, PoolRow)>
    {
        private const int PoolColumns = 15;

        private ClaimedSeatReader()
        {
        }

        public static (SeatRow, PoolRow) Read<TColumns>(TColumns row)
            where TColumns : struct, IRowColumns =>
            (SeatRowReader.Read(row), PoolRowReader.Read(new OffsetColumns<TColumns>(row, PoolColumns)));
    }

    /// <summary>Marks an active seat revoked and forgets its token; false when it was already revoked, or changed since <paramref name="version"/>.</summary>
    public async Task<bool> RevokeAsync(StorageSession session, long id, long version, long now, CancellationToken cancellationToken)
    {
        var changed = await session.Command(RevokeActiveSeat).With("@Id", id).With("@Version", version).With("@Now", now)
            .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>Replaces a pending seat's token hash and expiry; false when the seat is not pending, or changed since <paramref name="version"/>.</summary>
    public async Task<bool> ReplaceTokenAsync(
        StorageSession session, long id, long version, byte[] tokenHash, long expireTime, long now, CancellationToken cancellationToken)
    {
        var changed = await session.Connection.ExecuteAsync(
            new CommandDefinition(
                ReplacePendingToken,
                new { Id = id, Version = version, TokenHash = tokenHash, ExpireTime = expireTime, Now = now },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>
    /// Claims the tenant's pending, unexpired seat <paramref name="seatId"/> holding <paramref name="tokenHash"/>, or, when
    /// <paramref name="seatId"/> is null, the seat holding that hash from before tokens named their seat; null when there is
    /// none (another tenant's token included). Throws <see cref="UniqueViolationException"/> when the claimant already holds
    /// another active seat in the pool.
    /// </summary>
    public async Task<SeatRow?> ClaimAsync(
        StorageSession session, string tenant, string? seatId, byte[] tokenHash, string? claimantCustomerId, long now,
        CancellationToken cancellationToken)
    {
        try
        {
            return await session.Connection.QuerySingleOrDefaultAsync<SeatRow?>(
                new CommandDefinition(
                    seatId is null ? ClaimByLegacyTokenHash : ClaimBySeatAndTokenHash,
                    new { SeatId = seatId, TokenHash = tokenHash, Tenant = tenant, ClaimantCustomerId = claimantCustomerId, Now = now },
                    session.Transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex) when (_dialect.IsUniqueViolation(ex))
        {
            throw new UniqueViolationException("The claimant already holds an active seat in this pool.", ex);
        }
    }
}
