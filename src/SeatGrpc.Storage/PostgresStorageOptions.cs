namespace SeatGrpc.Storage;

/// <summary>Settings of a PostgreSQL database shared by several SeatGrpc replicas.</summary>
/// <param name="ConnectionString">An Npgsql connection string, e.g. <c>Host=db;Database=seats;Username=seatgrpc;Password=…</c>.</param>
/// <param name="MaxTransientRetries">
/// How often a write transaction that PostgreSQL aborted to break a deadlock or a serialization conflict
/// (SQLSTATE 40P01 / 40001) is run again before the caller gets an ABORTED-kind error.
/// </param>
public sealed record PostgresStorageOptions(string ConnectionString, int MaxTransientRetries = 4)
{
    /// <summary>The LISTEN/NOTIFY channel on which writers announce committed events.</summary>
    public const string EventChannel = "seat_events";
}
