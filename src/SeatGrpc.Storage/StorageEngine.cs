namespace SeatGrpc.Storage;

/// <summary>The database engine behind a <see cref="SeatDatabase"/>.</summary>
public enum StorageEngine
{
    /// <summary>An embedded SQLite file: one server process.</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL database that several server replicas share.</summary>
    Postgres,
}
