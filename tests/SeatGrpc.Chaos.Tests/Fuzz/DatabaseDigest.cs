using Microsoft.Data.Sqlite;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// A fingerprint of everything the seat service stores, read from the SQLite file beside the running server: row counts,
/// versions and times of pools and seats, events and idempotency records. Any committed change alters it.
/// </summary>
internal static class DatabaseDigest
{
    private const string Query = """
        SELECT (SELECT count(*) || ':' || total(version) || ':' || total(total_seats) || ':' || total(occupied_seats) || ':' || ifnull(max(update_time), 0) FROM pools)
            || '|' || (SELECT count(*) || ':' || total(version) || ':' || ifnull(max(update_time), 0) FROM seats)
            || '|' || (SELECT count(*) || ':' || ifnull(max(sequence), 0) FROM seat_events)
            || '|' || (SELECT count(*) FROM idempotency_records)
        """;

    public static string Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        return (string)command.ExecuteScalar()!;
    }
}
