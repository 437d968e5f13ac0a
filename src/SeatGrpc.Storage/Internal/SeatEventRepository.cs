using System.Data;
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

    private readonly string _appendMany;

    public SeatEventRepository(JsonRowSyntax json)
    {
        _appendMany = $"""
            INSERT INTO seat_events (pool_id, sequence, tenant, type, seat_name, previous_seat_name, email, customer_id, external_customer_id,
                                     previous_email, previous_customer_id, previous_external_customer_id,
                                     total_seats, time, request_id, key_id)
            SELECT {json.Int(0)}, {json.Int(1)}, {json.Text(2)}, {json.Text(3)}, {json.Text(4)}, {json.Text(5)}, {json.Text(6)}, {json.Text(7)},
                   {json.Text(8)}, {json.Text(9)}, {json.Text(10)}, {json.Text(11)}, {json.Int(12)}, {json.Int(13)}, {json.Text(14)}, {json.Text(15)}
            FROM {json.Rows("@Rows")}
            """;
    }

    /// <summary>
    /// Appends the events in one INSERT that reads them from one JSON parameter (the bulk batch path). Like
    /// <see cref="AppendAsync"/>, it may be held back until the commit (<see cref="StorageSession.Deferrable"/>): nothing in a
    /// write transaction reads the events it wrote.
    /// </summary>
    public Task AppendManyAsync(StorageSession session, IReadOnlyList<SeatEventRow> rows, CancellationToken cancellationToken)
    {
        var json = JsonRows.Write(rows, static (writer, row) =>
        {
            writer.Int(row.PoolId);
            writer.Int(row.Sequence);
            writer.Text(row.Tenant);
            writer.Text(row.Type);
            writer.Text(row.SeatName);
            writer.Text(row.PreviousSeatName);
            writer.Text(row.Email);
            writer.Text(row.CustomerId);
            writer.Text(row.ExternalCustomerId);
            writer.Text(row.PreviousEmail);
            writer.Text(row.PreviousCustomerId);
            writer.Text(row.PreviousExternalCustomerId);
            writer.Int(row.TotalSeats);
            writer.Int(row.Time);
            writer.Text(row.RequestId);
            writer.Text(row.KeyId);
        });
        var command = session.Deferrable(_appendMany);
        command.SetAt(0, "@Rows", DbType.String, json);
        return session.RunOrDeferAsync(command, cancellationToken);
    }

    public Task AppendAsync(StorageSession session, SeatEventRow row, CancellationToken cancellationToken)
    {
        var command = session.Deferrable(AppendEvent)
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
            .With("@KeyId", row.KeyId);
        return session.RunOrDeferAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<SeatEventRow>> ReadAfterAsync(
        StorageSession session, long poolId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var command = session.Command(SelectAfterSequence).With("@PoolId", poolId).With("@AfterSequence", afterSequence).With("@Limit", (long)limit);
        return await RowReads.ReadAllAsync<SeatEventRow, SeatEventRowReader>(session, command, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the columns of <see cref="SelectAfterSequence"/>, in its order.</summary>
    private sealed class SeatEventRowReader : IRowReader<SeatEventRow>
    {
        private SeatEventRowReader()
        {
        }

        public static SeatEventRow Read<TColumns>(TColumns row)
            where TColumns : struct, IRowColumns => new()
        {
            PoolId = row.Int64(0),
            Sequence = row.Int64(1),
            Type = row.String(2),
            SeatName = row.NullableString(3),
            PreviousSeatName = row.NullableString(4),
            Email = row.NullableString(5),
            CustomerId = row.NullableString(6),
            ExternalCustomerId = row.NullableString(7),
            PreviousEmail = row.NullableString(8),
            PreviousCustomerId = row.NullableString(9),
            PreviousExternalCustomerId = row.NullableString(10),
            TotalSeats = row.NullableInt64(11),
            Time = row.Int64(12),
            RequestId = row.NullableString(13),
            KeyId = row.NullableString(14),
        };
    }
}
