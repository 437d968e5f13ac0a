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
}
