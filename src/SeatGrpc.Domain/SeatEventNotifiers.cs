using Microsoft.Extensions.Logging;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain;

/// <summary>Picks the event notifier that fits the database's engine.</summary>
public static class SeatEventNotifiers
{
    /// <summary>
    /// A <see cref="PostgresSeatEventNotifier"/> for PostgreSQL (events from every replica), an
    /// <see cref="InProcessSeatEventNotifier"/> for SQLite. Dispose the result if it is <see cref="IAsyncDisposable"/>.
    /// </summary>
    public static ISeatEventNotifier Create(SeatDatabase database, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Engine == StorageEngine.Postgres
            ? new PostgresSeatEventNotifier(database, loggerFactory)
            : new InProcessSeatEventNotifier();
    }
}
