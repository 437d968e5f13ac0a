using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>Creates or resizes a pool. Creation and every change of total_seats record a pool_resized event.</summary>
internal static class PoolWriter
{
    public static async Task<Pool> UpsertAsync(WriteContext context, PoolSettings settings, CancellationToken cancellationToken)
    {
        Validate(settings);
        var customerId = settings.CustomerId ?? "";
        var pools = context.Database.Pools;
        var existing = await pools.FindByNameAsync(context.Session, context.Tenant, settings.Name, cancellationToken).ConfigureAwait(false);
        var now = UnixMicros.ToTime(context.Now);
        if (existing is null)
        {
            var id = await pools.InsertAsync(
                    context.Session, context.Tenant, settings.Name, customerId, settings.TotalSeats, settings.MinSeats, settings.MaxSeats, context.Now, cancellationToken)
                .ConfigureAwait(false) ?? throw new WriteConflictException("The pool was created concurrently.");
            var stamp = new PoolStamp { Id = id, Name = settings.Name, LastEventSequence = 1, TotalSeats = settings.TotalSeats };
            await context.AppendEventAsync(stamp, SeatEventType.PoolResized, null, null, cancellationToken, totalSeats: settings.TotalSeats)
                .ConfigureAwait(false);
            return new Pool(settings.Name, settings.TotalSeats, customerId, settings.MinSeats, settings.MaxSeats, 0, now, now, RowMapper.Etag(1));
        }

        var unchanged = existing.TotalSeats == settings.TotalSeats && existing.CustomerId == customerId
            && existing.MinSeats == settings.MinSeats && existing.MaxSeats == settings.MaxSeats;
        if (unchanged)
        {
            return RowMapper.ToPool(existing);
        }

        var resized = existing.TotalSeats != settings.TotalSeats;
        var updated = await pools.ResizeAsync(
                context.Session, existing.Id, existing.TotalSeats, customerId, settings.TotalSeats, settings.MinSeats, settings.MaxSeats,
                resized ? 1 : 0, context.Now, cancellationToken)
            .ConfigureAwait(false)
            ?? throw await NotResizedAsync(context, existing, settings.TotalSeats, cancellationToken).ConfigureAwait(false);
        if (resized)
        {
            await context.AppendEventAsync(updated.ToStamp(), SeatEventType.PoolResized, null, null, cancellationToken, totalSeats: settings.TotalSeats)
                .ConfigureAwait(false);
        }

        // As the update left it: on PostgreSQL the row read above may be older (another replica's writes bump its version).
        return RowMapper.ToPool(updated);
    }

    /// <summary>
    /// Why the resize found no row to change: the pool holds more seats than <paramref name="totalSeats"/>, or else a
    /// concurrent resize changed the total it read (the transaction runs again and reads it afresh). Occupancy decides, not
    /// the total: concurrent resizes can have put back the total that was read.
    /// </summary>
    private static async Task<Exception> NotResizedAsync(WriteContext context, PoolRow read, long totalSeats, CancellationToken cancellationToken)
    {
        var current = await context.Database.Pools.FindByNameAsync(context.Session, context.Tenant, read.Name, cancellationToken).ConfigureAwait(false);
        if (current is null || current.OccupiedSeats <= totalSeats)
        {
            return new WriteConflictException("The pool was resized concurrently.");
        }

        return new SeatDomainException(
            SeatErrorKind.PoolShrinkBelowOccupied, $"total_seats {totalSeats} is below the {current.OccupiedSeats} occupied seats: revoke seats first.");
    }

    private static void Validate(PoolSettings settings)
    {
        if (!ResourceNames.IsPoolName(settings.Name))
        {
            throw new SeatDomainException(
                SeatErrorKind.InvalidArgument, "The pool name must be subscriptions/{id} or orders/{id}, with an id of 1 to 63 characters [A-Za-z0-9._~-].");
        }

        if (settings.TotalSeats < 0 || settings.MinSeats < 0 || settings.MaxSeats < 0)
        {
            throw new SeatDomainException(SeatErrorKind.InvalidArgument, "total_seats, min_seats and max_seats must not be negative.");
        }

        if (settings.MaxSeats != 0 && settings.MinSeats > settings.MaxSeats)
        {
            throw new SeatDomainException(SeatErrorKind.InvalidArgument, "min_seats must not exceed max_seats.");
        }

        if (settings.TotalSeats < settings.MinSeats || (settings.MaxSeats != 0 && settings.TotalSeats > settings.MaxSeats))
        {
            throw new SeatDomainException(
                SeatErrorKind.PoolBoundsViolated, "total_seats must lie between min_seats and max_seats.");
        }
    }
}
