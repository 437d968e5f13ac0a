using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// The seat mutations shared by the single-seat operations and batches. Each takes capacity or an
/// event sequence with one statement on the pool row, writes the seat, and appends one event.
/// </summary>
internal sealed class SeatWriter
{
    private readonly long _invitationLifetime;

    public SeatWriter(TimeSpan invitationLifetime)
    {
        _invitationLifetime = (long)invitationLifetime.TotalMicroseconds;
    }

    public long InvitationLifetimeMicros => _invitationLifetime;

    /// <summary>Takes a free seat of the pool for the grantee.</summary>
    public async Task<AssignedSeat> AssignAsync(
        WriteContext context, long poolId, string parent, GranteeKey grantee, string metadataJson, bool immediateClaim,
        CancellationToken cancellationToken)
    {
        var stamp = await context.Database.Pools.TryOccupyAsync(context.Session, poolId, context.Now, cancellationToken).ConfigureAwait(false)
            ?? throw new SeatDomainException(SeatErrorKind.NoSeatsAvailable, "The pool has no free seat.");
        return await AssignOccupiedAsync(context, stamp, parent, grantee, metadataJson, immediateClaim, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes a free seat of the pool named <paramref name="parent"/> and fills it with the grantee in one statement, where the
    /// engine can (<see cref="SeatRepository.OccupiesAndInsertsAtOnce"/>); null when the pool is full or missing.
    /// </summary>
    public async Task<AssignedSeat?> TryAssignByNameAsync(
        WriteContext context, string parent, GranteeKey grantee, string metadataJson, bool immediateClaim, CancellationToken cancellationToken)
    {
        // The statement puts the seat in the pool it found by name: the row's pool id is not used.
        var row = NewSeatRow(context, poolId: 0, grantee, metadataJson, immediateClaim, out var token);
        var (stamp, inserted) = await context.Database.Seats.TryOccupyAndInsertAsync(context.Session, parent, row, cancellationToken).ConfigureAwait(false);
        if (stamp is null)
        {
            return null;
        }

        if (!inserted)
        {
            throw AlreadySeated();
        }

        var assigned = AssignedOf(row, parent, grantee, metadataJson, immediateClaim, token, context.Now);
        await context.AppendEventAsync(stamp, SeatEventType.Assigned, assigned.Seat.Name, grantee, cancellationToken).ConfigureAwait(false);
        return assigned;
    }

    /// <summary>Fills the seat that <paramref name="stamp"/> took (capacity and sequence) with the grantee.</summary>
    public async Task<AssignedSeat> AssignOccupiedAsync(
        WriteContext context, PoolStamp stamp, string parent, GranteeKey grantee, string metadataJson, bool immediateClaim,
        CancellationToken cancellationToken)
    {
        var assigned = await InsertSeatAsync(context, stamp.Id, parent, grantee, metadataJson, immediateClaim, cancellationToken).ConfigureAwait(false);
        await context.AppendEventAsync(stamp, SeatEventType.Assigned, assigned.Seat.Name, grantee, cancellationToken).ConfigureAwait(false);
        return assigned;
    }

    /// <summary>Revokes an active seat and frees its capacity, recording <paramref name="eventType"/>.</summary>
    public static async Task<Seat> RevokeAsync(WriteContext context, SeatRow row, SeatEventType eventType, CancellationToken cancellationToken)
    {
        await RevokeReadRowAsync(context, row, cancellationToken).ConfigureAwait(false);
        var stamp = await context.Database.Pools.ReleaseAsync(context.Session, row.PoolId, context.Now, cancellationToken).ConfigureAwait(false);
        var seat = Revoked(row, context.Now, stamp.Name);
        await context.AppendEventAsync(stamp, eventType, seat.Name, GranteeOf(row), cancellationToken).ConfigureAwait(false);
        return seat;
    }

    /// <summary>Moves the current grantee's seat to the new grantee in place: capacity does not change.</summary>
    public async Task<AssignedSeat> ReplaceAsync(
        WriteContext context, long poolId, string parent, GranteeKey current, GranteeKey next, string metadataJson, bool immediateClaim,
        CancellationToken cancellationToken)
    {
        var row = await FindActiveAsync(context, poolId, parent, current, cancellationToken).ConfigureAwait(false);
        await RevokeReadRowAsync(context, row, cancellationToken).ConfigureAwait(false);
        var assigned = await InsertSeatAsync(context, poolId, parent, next, metadataJson, immediateClaim, cancellationToken).ConfigureAwait(false);
        var stamp = await context.Database.Pools.NextSequenceAsync(context.Session, poolId, cancellationToken).ConfigureAwait(false);
        await context.AppendEventAsync(
            stamp, SeatEventType.Replaced, assigned.Seat.Name, next, cancellationToken,
            previousSeatName: ResourceNames.SeatName(row.PublicId), previousGrantee: GranteeOf(row)).ConfigureAwait(false);
        return assigned;
    }

    /// <summary>The grantee's non-revoked seat in the pool, or <see cref="SeatErrorKind.SeatNotFound"/>.</summary>
    public static async Task<SeatRow> FindActiveAsync(
        WriteContext context, long poolId, string parent, GranteeKey grantee, CancellationToken cancellationToken)
    {
        return await context.Database.Seats.FindActiveByGranteeAsync(
                context.Session, poolId, parent, grantee.EmailNormalized, grantee.CustomerId, grantee.ExternalCustomerId, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new SeatDomainException(SeatErrorKind.SeatNotFound, "The grantee holds no active seat in this pool.");
    }

    public static Seat Revoked(SeatRow row, long now, string parent)
    {
        return RowMapper.ToSeat(row, parent) with
        {
            Status = SeatStatus.Revoked,
            RevokeTime = UnixMicros.ToTime(now),
            UpdateTime = UnixMicros.ToTime(now),
            Etag = RowMapper.Etag(row.Version + 1),
        };
    }

    public static GranteeKey GranteeOf(SeatRow row) =>
        new(row.Email, row.Email?.ToLowerInvariant(), row.CustomerId, row.ExternalCustomerId);

    /// <summary>
    /// Revokes the seat the transaction read as active. If a concurrent writer changed it in between (possible
    /// only on PostgreSQL, where writers are not serialized), the transaction is run again rather than freeing
    /// the seat's capacity twice, or answering and recording the seat as it was before a claim.
    /// </summary>
    private static async Task RevokeReadRowAsync(WriteContext context, SeatRow row, CancellationToken cancellationToken)
    {
        if (!await context.Database.Seats.RevokeAsync(context.Session, row.Id, row.Version, context.Now, cancellationToken).ConfigureAwait(false))
        {
            throw new WriteConflictException("The seat was revoked concurrently.");
        }
    }

    /// <summary>A new seat's row: pending with a fresh invitation token, or claimed at once.</summary>
    public NewSeatRow NewSeatRow(WriteContext context, long poolId, GranteeKey grantee, string metadataJson, bool immediateClaim, out string? token)
    {
        var seatId = RandomIds.NewSeatId();
        token = null;
        byte[]? tokenHash = null;
        long? expireTime = null;
        if (!immediateClaim)
        {
            (token, tokenHash) = RandomIds.NewInvitationToken(seatId);
            expireTime = context.Now + _invitationLifetime;
        }

        return new NewSeatRow(
            seatId,
            poolId,
            context.Tenant,
            immediateClaim ? SeatStatusNames.Claimed : SeatStatusNames.Pending,
            grantee.Email,
            grantee.EmailNormalized,
            grantee.CustomerId,
            grantee.ExternalCustomerId,
            metadataJson,
            tokenHash,
            expireTime,
            immediateClaim ? context.Now : null,
            context.Now);
    }

    private async Task<AssignedSeat> InsertSeatAsync(
        WriteContext context, long poolId, string parent, GranteeKey grantee, string metadataJson, bool immediateClaim,
        CancellationToken cancellationToken)
    {
        var row = NewSeatRow(context, poolId, grantee, metadataJson, immediateClaim, out var token);
        _ = await context.Database.Seats.TryInsertAsync(context.Session, row, cancellationToken).ConfigureAwait(false)
            ?? throw AlreadySeated();
        return AssignedOf(row, parent, grantee, metadataJson, immediateClaim, token, context.Now);
    }

    private static SeatDomainException AlreadySeated() =>
        new(SeatErrorKind.GranteeAlreadySeated, "The grantee already holds a seat in this pool.");

    private static AssignedSeat AssignedOf(
        NewSeatRow row, string parent, GranteeKey grantee, string metadataJson, bool immediateClaim, string? token, long now)
    {
        var created = UnixMicros.ToTime(now);
        var seat = new Seat(
            ResourceNames.SeatName(row.PublicId),
            parent,
            immediateClaim ? SeatStatus.Claimed : SeatStatus.Pending,
            grantee.ToGrantee(),
            MetadataCodec.Decode(metadataJson),
            UnixMicros.ToTime(row.InvitationExpireTime),
            immediateClaim ? created : null,
            RevokeTime: null,
            created,
            created,
            RowMapper.Etag(1));
        return new AssignedSeat(seat, token);
    }
}
