namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Reads <see cref="SeatRow"/>s by ordinal, for the seat SELECTs whose columns come in the one order below (through
/// <see cref="RowReads"/>). Dapper's generic materializer boxed every value through <c>GetValue</c>; on a page of 50 seats
/// that was most of the cost of ListSeats.
/// </summary>
internal sealed class SeatRowReader : IRowReader<SeatRow>
{
    /// <summary>The column order every query read here must select.</summary>
    public const string Columns =
        "id, public_id, pool_id, parent, status, email, customer_id, external_customer_id, metadata, " +
        "invitation_expire_time, claim_time, revoke_time, create_time, update_time, version";

    private SeatRowReader()
    {
    }

    public static SeatRow Read<TColumns>(TColumns row)
        where TColumns : struct, IRowColumns => new()
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
