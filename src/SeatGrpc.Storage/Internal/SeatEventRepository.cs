using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The append-only seat_events table, keyed by (pool, sequence). Events are read by pool id, which the reader found
/// within its tenant; each row also keeps its tenant and the public id of the API key that made the change.
/// </summary>
internal sealed class SeatEventRepository
{
    private const string AppendEvent = """
        INSERT INTO seat_events (pool_id, sequence, tenant, type, seat_name, previous_seat_name, email, customer_id, external_customer_id,
                                 previous_email, previous_customer_id, previous_external_customer_id,
                                 total_seats, time, request_id, key_id)
        VALUES (@PoolId, @Sequence, @Tenant, @Type, @SeatName, @PreviousSeatName, @Email, @CustomerId, @ExternalCustomerId,
                @PreviousEmail, @PreviousCustomerId, @PreviousExternalCustomerId,
                @TotalSeats, @Time, @RequestId, @KeyId)
        """;

    private const string SelectAfterSequence = """
        SELECT pool_id, sequence, type, seat_name, previous_seat_name, email, customer_id, external_customer_id,
               previous_email, previous_customer_id, previous_external_customer_id,
               total_seats, time, request_id, key_id
        FROM seat_events
        WHERE pool_id = @PoolId AND sequence > @AfterSequence
        ORDER BY sequence
        LIMIT @Limit
        """;

    public Task AppendAsync(StorageSession session, SeatEventRow row, CancellationToken cancellationToken)
    {
        return session.Command(AppendEvent)
            .With("@PoolId", row.PoolId)
            .With("@Sequence", row.Sequence)
            .With("@Tenant", row.Tenant)
            .With("@Type", row.Type)
            .With("@SeatName", row.SeatName)
            .With("@PreviousSeatName", row.PreviousSeatName)
            .With("@Email", row.Email)
            .With("@CustomerId", row.CustomerId)
            .With("@ExternalCustomerId", row.ExternalCustomerId)
            .With("@PreviousEmail", row.PreviousEmail)
            .With("@PreviousCustomerId", row.PreviousCustomerId)
            .With("@PreviousExternalCustomerId", row.PreviousExternalCustomerId)
            .With("@TotalSeats", row.TotalSeats)
            .With("@Time", row.Time)
            .With("@RequestId", row.RequestId)
            .With("@KeyId", row.KeyId)
            .ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SeatEventRow>> ReadAfterAsync(
        StorageSession session, long poolId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var rows = await session.Connection.QueryAsync<SeatEventRow>(
            new CommandDefinition(
                SelectAfterSequence,
                new { PoolId = poolId, AfterSequence = afterSequence, Limit = limit },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }
}
