namespace SeatGrpc.Storage;

/// <summary>Settings of the embedded SQLite database.</summary>
/// <param name="Path">The database file; relative paths resolve against the working directory.</param>
/// <param name="BusyTimeout">How long a statement waits for a lock held by another process.</param>
public sealed record SqliteStorageOptions(string Path = "seats.db", TimeSpan? BusyTimeout = null)
{
    internal TimeSpan EffectiveBusyTimeout => BusyTimeout ?? TimeSpan.FromSeconds(30);
}
