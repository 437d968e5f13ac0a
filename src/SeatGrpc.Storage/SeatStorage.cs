using Microsoft.Extensions.Logging;

namespace SeatGrpc.Storage;

/// <summary>Picks the engine from the server's settings: PostgreSQL when a connection string is set, else the SQLite file.</summary>
public static class SeatStorage
{
    /// <summary>Opens and migrates the configured database.</summary>
    /// <param name="postgresConnectionString">The <c>--postgres</c> / <c>SEATGRPC_POSTGRES</c> setting; null or blank selects SQLite.</param>
    /// <param name="sqlite">The embedded database, used when no PostgreSQL connection string is set.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The open database; the caller disposes it.</returns>
    public static Task<SeatDatabase> OpenAsync(
        string? postgresConnectionString, SqliteStorageOptions sqlite, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        return string.IsNullOrWhiteSpace(postgresConnectionString)
            ? SeatDatabase.OpenSqliteAsync(sqlite, loggerFactory, cancellationToken)
            : SeatDatabase.OpenPostgresAsync(new PostgresStorageOptions(postgresConnectionString), loggerFactory, cancellationToken);
    }
}
