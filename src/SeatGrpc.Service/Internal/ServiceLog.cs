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
}
