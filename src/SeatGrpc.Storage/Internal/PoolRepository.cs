using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The pools table. Capacity is taken and given back with one conditional UPDATE each, so
/// the last seat cannot be handed out twice by concurrent writers, on one server or several. A pool's name is
/// unique within its tenant; lookups by name take the tenant, the others go by the internal id found that way.
/// </summary>
internal sealed class PoolRepository
{
    private const string SelectByName = """
        SELECT id, name, customer_id, total_seats, min_seats, max_seats, occupied_seats,
               last_event_sequence, create_time, update_time, version
        FROM pools
        WHERE tenant = @Tenant AND name = @Name
        """;

    private const string SelectIdByName = """
        SELECT id FROM pools WHERE tenant = @Tenant AND name = @Name
        """;

    private const string InsertPool = """
        INSERT INTO pools (tenant, name, customer_id, total_seats, min_seats, max_seats, occupied_seats,
                           last_event_sequence, create_time, update_time, version)
        VALUES (@Tenant, @Name, @CustomerId, @TotalSeats, @MinSeats, @MaxSeats, 0, 1, @Now, @Now, 1)
        ON CONFLICT (tenant, name) DO NOTHING
        RETURNING id
        """;

    // Resizing re-checks occupancy in the same statement, so a concurrent assignment cannot slip past the check. It also
    // requires the total the caller read, which decided whether a resize event is due: a concurrent resize in between
    // (PostgreSQL) would otherwise change the total with no event, or record one that changed nothing.
    private const string ResizePoolIfRoom = """
        UPDATE pools
        SET total_seats = @TotalSeats, customer_id = @CustomerId, min_seats = @MinSeats, max_seats = @MaxSeats,
            last_event_sequence = last_event_sequence + @EventCount, update_time = @Now, version = version + 1
        WHERE id = @Id AND total_seats = @ReadTotalSeats AND occupied_seats <= @TotalSeats
        RETURNING id, name, customer_id, total_seats, min_seats, max_seats, occupied_seats,
                  last_event_sequence, create_time, update_time, version
        """;

    private const string OccupySeatIfFree = """
        UPDATE pools
        SET occupied_seats = occupied_seats + 1, last_event_sequence = last_event_sequence + 1,
            update_time = @Now, version = version + 1
        WHERE id = @Id AND occupied_seats < total_seats
        RETURNING id, name, last_event_sequence, total_seats, occupied_seats
        """;

    private const string OccupySeatIfFreeByName = """
        UPDATE pools
        SET occupied_seats = occupied_seats + 1, last_event_sequence = last_event_sequence + 1,
            update_time = @Now, version = version + 1
        WHERE tenant = @Tenant AND name = @Name AND occupied_seats < total_seats
        RETURNING id, name, last_event_sequence, total_seats, occupied_seats
        """;

    private const string ReleaseSeat = """
        UPDATE pools
        SET occupied_seats = occupied_seats - 1, last_event_sequence = last_event_sequence + 1,
            update_time = @Now, version = version + 1
        WHERE id = @Id
        RETURNING id, name, last_event_sequence, total_seats, occupied_seats
        """;

    private const string LockPoolByName = """
        UPDATE pools
        SET update_time = @Now, version = version + 1
        WHERE tenant = @Tenant AND name = @Name
        RETURNING id, name, last_event_sequence, total_seats, occupied_seats
        """;

    private const string SetPoolCounts = """
        UPDATE pools SET occupied_seats = @Occupied, last_event_sequence = @Sequence WHERE id = @Id
        """;

    private const string NextEventSequence = """
        UPDATE pools
        SET last_event_sequence = last_event_sequence + 1
        WHERE id = @Id
        RETURNING id, name, last_event_sequence, total_seats, occupied_seats
        """;

    // Every pool of every tenant: one figure each for the whole database, read now and then for the seat gauges.
    private const string SumSeats = """
        SELECT COALESCE(SUM(total_seats), 0), COALESCE(SUM(occupied_seats), 0) FROM pools
        """;

    /// <summary>
    /// Locks the tenant's pool of that name for the rest of the transaction (an UPDATE takes the row lock on PostgreSQL;
    /// SQLite's writer is alone anyway) and reads its capacity and last event sequence; null when there is no such pool.
    /// The bulk batch path then decides capacity and sequences for the whole batch from this one reading.
    /// </summary>
    public Task<PoolStamp?> LockByNameAsync(StorageSession session, string tenant, string name, long now, CancellationToken cancellationToken)
    {
        return ReadStampAsync(session.Command(LockPoolByName).With("@Tenant", tenant).With("@Name", name).With("@Now", now), cancellationToken);
    }

    /// <summary>
    /// Writes the capacity and last event sequence a batch decided on, under the lock of <see cref="LockByNameAsync"/>; held
    /// back until the commit where it can be (the lock already keeps every other writer of the pool waiting).
    /// </summary>
    public Task SetCountsAsync(StorageSession session, long id, long occupiedSeats, long lastEventSequence, CancellationToken cancellationToken)
    {
        var command = session.Deferrable(SetPoolCounts).With("@Id", id).With("@Occupied", occupiedSeats).With("@Sequence", lastEventSequence);
        return session.RunOrDeferAsync(command, cancellationToken);
    }

    /// <summary>The tenant's pool of that name; another tenant's pool of the same name is not found.</summary>
    public async Task<PoolRow?> FindByNameAsync(StorageSession session, string tenant, string name, CancellationToken cancellationToken)
    {
        // A cached command read by ordinal: ListSeats and GetSeatPool run this on every call.
        return await ReadRowAsync(session, session.Command(SelectByName).With("@Tenant", tenant).With("@Name", name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the one pool row a command returns, columns in <see cref="SelectByName"/>'s order; null when none.</summary>
    private static Task<PoolRow?> ReadRowAsync(StorageSession session, System.Data.Common.DbCommand command, CancellationToken cancellationToken) =>
        RowReads.ReadSingleOrDefaultAsync<PoolRow, PoolRowReader>(session, command, cancellationToken);

    public Task<long?> FindIdByNameAsync(StorageSession session, string tenant, string name, CancellationToken cancellationToken)
    {
        return session.Command(SelectIdByName).With("@Tenant", tenant).With("@Name", name).ScalarInt64Async(cancellationToken);
    }

    /// <summary>Inserts a pool with event sequence 1 (its first resize event); null when the tenant has a pool of that name.</summary>
    public Task<long?> InsertAsync(
        StorageSession session, string tenant, string name, string customerId, long totalSeats, long minSeats, long maxSeats, long now,
        CancellationToken cancellationToken)
    {
        var args = new { Tenant = tenant, Name = name, CustomerId = customerId, TotalSeats = totalSeats, MinSeats = minSeats, MaxSeats = maxSeats, Now = now };
        return session.Connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(InsertPool, args, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Changes the pool's settings, taking <paramref name="eventCount"/> event sequences, and returns the row as it is now;
    /// null when <paramref name="totalSeats"/> is below the occupied seats, or when the total is no longer
    /// <paramref name="readTotalSeats"/> (resized concurrently).
    /// </summary>
    public Task<PoolRow?> ResizeAsync(
        StorageSession session, long id, long readTotalSeats, string customerId, long totalSeats, long minSeats, long maxSeats, int eventCount,
        long now, CancellationToken cancellationToken)
    {
        var command = session.Command(ResizePoolIfRoom)
            .With("@Id", id)
            .With("@ReadTotalSeats", readTotalSeats)
            .With("@CustomerId", customerId)
            .With("@TotalSeats", totalSeats)
            .With("@MinSeats", minSeats)
            .With("@MaxSeats", maxSeats)
            .With("@EventCount", eventCount)
            .With("@Now", now);
        return ReadRowAsync(session, command, cancellationToken);
    }

    /// <summary>Takes one free seat and one event sequence; null when the pool is full.</summary>
    public Task<PoolStamp?> TryOccupyAsync(StorageSession session, long id, long now, CancellationToken cancellationToken)
    {
        return ReadStampAsync(session.Command(OccupySeatIfFree).With("@Id", id).With("@Now", now), cancellationToken);
    }

    /// <summary>
    /// Takes one free seat and one event sequence of the tenant's pool of that name, finding the pool and taking the seat
    /// in one statement; null when the pool is full or does not exist (<see cref="FindIdByNameAsync"/> tells which).
    /// </summary>
    public Task<PoolStamp?> TryOccupyByNameAsync(StorageSession session, string tenant, string name, long now, CancellationToken cancellationToken)
    {
        return ReadStampAsync(session.Command(OccupySeatIfFreeByName).With("@Tenant", tenant).With("@Name", name).With("@Now", now), cancellationToken);
    }

    /// <summary>Gives one seat back and takes one event sequence.</summary>
    public async Task<PoolStamp> ReleaseAsync(StorageSession session, long id, long now, CancellationToken cancellationToken)
    {
        return await ReadStampAsync(session.Command(ReleaseSeat).With("@Id", id).With("@Now", now), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The pool of a seat being released is gone.");
    }

    /// <summary>Takes one event sequence without changing capacity.</summary>
    public async Task<PoolStamp> NextSequenceAsync(StorageSession session, long id, CancellationToken cancellationToken)
    {
        return await ReadStampAsync(session.Command(NextEventSequence).With("@Id", id), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The pool taking an event sequence is gone.");
    }

    /// <summary>The seats of all pools together: their total, and how many are occupied (pending or claimed).</summary>
    public Task<(long Total, long Occupied)> SumSeatsAsync(StorageSession session, CancellationToken cancellationToken)
    {
        return session.Connection.QuerySingleAsync<(long Total, long Occupied)>(
            new CommandDefinition(SumSeats, transaction: session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Reads the RETURNING row of a capacity or sequence update: id, name, last_event_sequence, total_seats, occupied_seats.</summary>
    private static async Task<PoolStamp?> ReadStampAsync(System.Data.Common.DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return PoolStamp.Read(reader);
    }
}
