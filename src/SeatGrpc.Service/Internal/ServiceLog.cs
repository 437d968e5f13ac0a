using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Internal;

internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "Unexpected error in {Method}; the caller got UNKNOWN")]
    public static partial void UnexpectedError(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "{Method} failed: the database is unavailable; the caller got UNAVAILABLE")]
    public static partial void DatabaseUnavailable(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Seat store open: {Engine} at {Location}")]
    public static partial void StoreOpened(ILogger logger, SeatGrpc.Storage.StorageEngine engine, string location);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "{Method} rejected: {ErrorKind}")]
    public static partial void DomainRejected(ILogger logger, string method, SeatErrorKind errorKind);

    [LoggerMessage(EventId = 204, Level = LogLevel.Debug, Message = "ManageSeats batch for {Parent} failed with {Reason}")]
    public static partial void StreamBatchFailed(ILogger logger, string parent, string reason);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "WatchSeatEvents for {Parent} ended: the server is stopping")]
    public static partial void WatchEndedForShutdown(ILogger logger, string parent);

    [LoggerMessage(EventId = 206, Level = LogLevel.Debug, Message = "{Method} cancelled by the caller")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(EventId = 208, Level = LogLevel.Debug, Message = "Call to {Path} without an API key")]
    public static partial void KeyMissing(ILogger logger, PathString path);

    // The key id is public (lists show it); the key itself never reaches a log.
    [LoggerMessage(EventId = 209, Level = LogLevel.Warning, Message = "Call to {Path} refused: API key {KeyId} is {Rejection}")]
    public static partial void KeyRejected(ILogger logger, PathString path, KeyRejection rejection, string keyId);

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Call to {Path} refused: API key {KeyId} lacks the scope {Scope}")]
    public static partial void ScopeMissing(ILogger logger, PathString path, string keyId, string scope);

    [LoggerMessage(EventId = 211, Level = LogLevel.Debug, Message = "Loaded {Count} API keys at version {Version}")]
    public static partial void KeysLoaded(ILogger logger, int count, long version);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "Cannot refresh the API keys; the keys loaded before keep working until the database answers again")]
    public static partial void KeyRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "API keys refreshed again")]
    public static partial void KeyRefreshRecovered(ILogger logger);

    [LoggerMessage(EventId = 214, Level = LogLevel.Warning, Message = "Created the first admin key {KeyId} for the tenant {Tenant}; nothing was set to show it, so create another with 'keys create'")]
    public static partial void BootstrapKeyNotShown(ILogger logger, string keyId, string tenant);
}
