using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Reads <see cref="SeatRow"/>s with typed getters by ordinal, for the seat SELECTs whose columns come in the one order
/// below. Dapper's generic materializer boxes every value through <c>GetValue</c>; on a page of 50 seats that was most
/// of the cost of ListSeats. The commands come from the session's <see cref="CommandCache"/>; on SQLite they run on the
/// connection's <see cref="SqliteRowStatement"/> instead, whose direct column calls cost a third of the reader's getters.
/// </summary>
internal static class SeatRowReader
{
    /// <summary>The column order every query read here must select.</summary>
    public const string Columns =
        "id, public_id, pool_id, parent, status, email, customer_id, external_customer_id, metadata, " +
        "invitation_expire_time, claim_time, revoke_time, create_time, update_time, version";

    public static async Task<List<SeatRow>> ReadAllAsync(
        StorageSession session, DbCommand command, int capacity, CancellationToken cancellationToken)
    {
        if (session.RowStatement(command) is { } statement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return statement.ReadAll(command.Parameters, static row => Read(row), capacity);
        }

        var rows = new List<SeatRow>(capacity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(new DataReaderColumns(reader)));
        }

        return rows;
    }

    public static async Task<SeatRow?> ReadSingleOrDefaultAsync(
        StorageSession session, DbCommand command, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(session, command, 1, cancellationToken).ConfigureAwait(false);
        return rows.Count switch
        {
            0 => null,
            1 => rows[0],
            _ => throw new InvalidOperationException("The query returned more than one seat."),
        };
    }

    internal static SeatRow Read(DbDataReader reader) => Read(new DataReaderColumns(reader));

    private static SeatRow Read<TRow>(TRow row)
        where TRow : struct, IRowColumns => new()
    {
        Id = row.Int64(0),
        PublicId = row.String(1),
        PoolId = row.Int64(2),
        Parent = row.String(3),
        Status = row.String(4),
        Email = row.NullableString(5),
        CustomerId = row.NullableString(6),
        ExternalCustomerId = row.NullableString(7),
        Metadata = row.String(8),
        InvitationExpireTime = row.NullableInt64(9),
        ClaimTime = row.NullableInt64(10),
        RevokeTime = row.NullableInt64(11),
        CreateTime = row.Int64(12),
        UpdateTime = row.Int64(13),
        Version = row.Int64(14),
    };
}
