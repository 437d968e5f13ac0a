using Microsoft.Extensions.Logging;

namespace SeatGrpc.Storage.Internal;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied schema migration {Version} ({MigrationName})")]
    public static partial void MigrationApplied(ILogger logger, long version, string migrationName);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database schema is at version {Version}")]
    public static partial void SchemaReady(ILogger logger, long version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Opened SQLite database {DatabasePath} in WAL mode")]
    public static partial void SqliteOpened(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Database health check failed")]
    public static partial void HealthCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Opened PostgreSQL database {DatabaseName} on {DatabaseHost}")]
    public static partial void PostgresOpened(ILogger logger, string databaseHost, string databaseName);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Listening for seat events on channel {Channel} (server process {ServerProcessId})")]
    public static partial void EventListenerConnected(ILogger logger, string channel, int serverProcessId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The seat event listener lost its connection; reconnecting in {DelayMilliseconds} ms")]
    public static partial void EventListenerLost(ILogger logger, long delayMilliseconds, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Ignored a malformed seat event notification")]
    public static partial void EventPayloadMalformed(ILogger logger);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "A WAL checkpoint failed; the WAL grows until one succeeds")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "The WAL holds {Frames} pages and only {Copied} could be copied back: a long read transaction is holding old pages")]
    public static partial void CheckpointLagging(ILogger logger, long frames, long copied);
}
