using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Internal;

/// <summary>The single-seat mutations, each run inside a <see cref="WriteContext"/>.</summary>
internal sealed class SeatOperations
{
    private readonly SeatWriter _writer;

    public SeatOperations(SeatWriter writer)
    {
        _writer = writer;
    }

    public async Task<AssignedSeat> AssignAsync(
        WriteContext context, string parent, Grantee grantee, IReadOnlyDictionary<string, string>? metadata, bool immediateClaim,
        CancellationToken cancellationToken)
    {
        var key = GranteeKey.From(grantee);
        var metadataJson = MetadataCodec.Encode(metadata);
        if (context.Database.Seats.OccupiesAndInsertsAtOnce)
        {
            // One round trip for the seat and its capacity (PostgreSQL); the event rides with the COMMIT.
            return (ResourceNames.IsPoolName(parent)
                    ? await _writer.TryAssignByNameAsync(context, parent, key, metadataJson, immediateClaim, cancellationToken).ConfigureAwait(false)
                    : null)
                ?? await NoFreeSeatAsync(context, parent, cancellationToken).ConfigureAwait(false);
        }

        var stamp = ResourceNames.IsPoolName(parent)
            ? await context.Database.Pools.TryOccupyByNameAsync(context.Session, context.Tenant, parent, context.Now, cancellationToken).ConfigureAwait(false)
            : null;
        return stamp is null
            ? await NoFreeSeatAsync(context, parent, cancellationToken).ConfigureAwait(false)
            : await _writer.AssignOccupiedAsync(context, stamp, parent, key, metadataJson, immediateClaim, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Full or missing: the rare answer pays for the second look, which throws PoolNotFound or NoSeatsAvailable.</summary>
    private static async Task<AssignedSeat> NoFreeSeatAsync(WriteContext context, string parent, CancellationToken cancellationToken)
    {
        _ = await ResolvePoolAsync(context, parent, cancellationToken).ConfigureAwait(false);
        throw new SeatDomainException(SeatErrorKind.NoSeatsAvailable, "The pool has no free seat.");
    }

    public static async Task<Seat> RevokeAsync(WriteContext context, string name, string? etag, CancellationToken cancellationToken)
    {
        var row = await FindSeatAsync(context, name, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(etag) && !string.Equals(etag, RowMapper.Etag(row.Version), StringComparison.Ordinal))
        {
            throw new SeatDomainException(SeatErrorKind.EtagMismatch, "The seat changed since it was read: its etag does not match.");
        }

        if (row.Status == SeatStatusNames.Revoked)
        {
            return RowMapper.ToSeat(row);
        }

        return await SeatWriter.RevokeAsync(context, row, SeatEventType.Revoked, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AssignedSeat> ResendInvitationAsync(WriteContext context, string name, CancellationToken cancellationToken)
    {
        var row = await FindSeatAsync(context, name, cancellationToken).ConfigureAwait(false);
        if (row.Status != SeatStatusNames.Pending)
        {
            throw new SeatDomainException(SeatErrorKind.SeatNotPending, "Only a pending seat has an invitation to resend.");
        }

        var (token, hash) = RandomIds.NewInvitationToken(row.PublicId);
        var expireTime = context.Now + _writer.InvitationLifetimeMicros;
        if (!await context.Database.Seats.ReplaceTokenAsync(context.Session, row.Id, row.Version, hash, expireTime, context.Now, cancellationToken).ConfigureAwait(false))
        {
            // Changed by a concurrent writer since the read (claimed, revoked, resent): run again, which re-reads the seat.
            throw new WriteConflictException("The seat changed concurrently.");
        }

        var stamp = await context.Database.Pools.NextSequenceAsync(context.Session, row.PoolId, cancellationToken).ConfigureAwait(false);
        await context.AppendEventAsync(stamp, SeatEventType.InvitationResent, ResourceNames.SeatName(row.PublicId), SeatWriter.GranteeOf(row), cancellationToken)
            .ConfigureAwait(false);
        var seat = RowMapper.ToSeat(row) with
        {
            InvitationExpireTime = UnixMicros.ToTime(expireTime),
            UpdateTime = UnixMicros.ToTime(context.Now),
            Etag = RowMapper.Etag(row.Version + 1),
        };
        return new AssignedSeat(seat, token);
    }

    public static async Task<Seat> ClaimAsync(WriteContext context, string token, string? claimantCustomerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw InvalidToken();
        }

        Storage.Internal.SeatRow? row;
        try
        {
            row = await context.Database.Seats.ClaimAsync(
                    context.Session, context.Tenant, RandomIds.SeatIdOfToken(token), RandomIds.HashToken(token), string.IsNullOrEmpty(claimantCustomerId) ? null : claimantCustomerId, context.Now,
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (UniqueViolationException)
        {
            throw new SeatDomainException(SeatErrorKind.GranteeAlreadySeated, "The customer already holds a seat in this pool.");
        }

        if (row is null)
        {
            throw InvalidToken();
        }

        var stamp = await context.Database.Pools.NextSequenceAsync(context.Session, row.PoolId, cancellationToken).ConfigureAwait(false);
        var seat = RowMapper.ToSeat(row, stamp.Name);
        await context.AppendEventAsync(stamp, SeatEventType.Claimed, seat.Name, SeatWriter.GranteeOf(row), cancellationToken).ConfigureAwait(false);
        return seat;
    }

    public static async Task<long> ResolvePoolAsync(WriteContext context, string parent, CancellationToken cancellationToken)
    {
        return (ResourceNames.IsPoolName(parent)
                ? await context.Database.Pools.FindIdByNameAsync(context.Session, context.Tenant, parent, cancellationToken).ConfigureAwait(false)
                : null)
            ?? throw new SeatDomainException(SeatErrorKind.PoolNotFound, "The pool does not exist.");
    }

    private static async Task<Storage.Internal.SeatRow> FindSeatAsync(WriteContext context, string name, CancellationToken cancellationToken)
    {
        var id = ResourceNames.SeatId(name) ?? throw SeatNotFound();
        return await context.Database.Seats.FindByPublicIdAsync(context.Session, context.Tenant, id, cancellationToken).ConfigureAwait(false)
            ?? throw SeatNotFound();
    }

    private static SeatDomainException SeatNotFound() => new(SeatErrorKind.SeatNotFound, "The seat does not exist.");

    private static SeatDomainException InvalidToken() =>
        new(SeatErrorKind.InvalidInvitationToken, "The invitation token is unknown, expired, revoked or already used.");
}
