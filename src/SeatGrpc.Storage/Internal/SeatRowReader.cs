using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Reads <see cref="SeatRow"/>s with typed getters by ordinal, for the seat SELECTs whose columns come in the one order
/// below. Dapper's generic materializer boxes every value through <c>GetValue</c>; on a page of 50 seats that was most
/// of the cost of ListSeats. The commands come from the session's <see cref="CommandCache"/>.
/// </summary>
internal static class SeatRowReader
{
    /// <summary>The column order every query read here must select.</summary>
    public const string Columns =
        "id, public_id, pool_id, parent, status, email, customer_id, external_customer_id, metadata, " +
        "invitation_expire_time, claim_time, revoke_time, create_time, update_time, version";

    public static async Task<List<SeatRow>> ReadAllAsync(DbCommand command, int capacity, CancellationToken cancellationToken)
    {
        var rows = new List<SeatRow>(capacity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    public static async Task<SeatRow?> ReadSingleOrDefaultAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(command, 1, cancellationToken).ConfigureAwait(false);
        return rows.Count switch
        {
            0 => null,
            1 => rows[0],
            _ => throw new InvalidOperationException("The query returned more than one seat."),
        };
    }

    internal static SeatRow Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        PublicId = reader.GetString(1),
        PoolId = reader.GetInt64(2),
        Parent = reader.GetString(3),
        Status = reader.GetString(4),
        Email = reader.IsDBNull(5) ? null : reader.GetString(5),
        CustomerId = reader.IsDBNull(6) ? null : reader.GetString(6),
        ExternalCustomerId = reader.IsDBNull(7) ? null : reader.GetString(7),
        Metadata = reader.GetString(8),
        InvitationExpireTime = reader.IsDBNull(9) ? null : reader.GetInt64(9),
        ClaimTime = reader.IsDBNull(10) ? null : reader.GetInt64(10),
        RevokeTime = reader.IsDBNull(11) ? null : reader.GetInt64(11),
        CreateTime = reader.GetInt64(12),
        UpdateTime = reader.GetInt64(13),
        Version = reader.GetInt64(14),
    };
}
