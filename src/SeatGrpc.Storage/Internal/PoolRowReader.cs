namespace SeatGrpc.Storage.Internal;

/// <summary>Reads <see cref="PoolRow"/>s by ordinal, for the pool SELECTs whose columns come in the order below.</summary>
internal sealed class PoolRowReader : IRowReader<PoolRow>
{
    /// <summary>The column order every query read here must select.</summary>
    public const string Columns =
        "id, name, customer_id, total_seats, min_seats, max_seats, occupied_seats, last_event_sequence, create_time, update_time, version";

    private PoolRowReader()
    {
    }

    public static PoolRow Read<TColumns>(TColumns row)
        where TColumns : struct, IRowColumns => new()
    {
        Id = row.Int64(0),
        Name = row.String(1),
        CustomerId = row.String(2),
        TotalSeats = row.Int64(3),
        MinSeats = row.Int64(4),
        MaxSeats = row.Int64(5),
        OccupiedSeats = row.Int64(6),
        LastEventSequence = row.Int64(7),
        CreateTime = row.Int64(8),
        UpdateTime = row.Int64(9),
        Version = row.Int64(10),
    };
}
