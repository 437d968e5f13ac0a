namespace SeatGrpc.Server.Hosting.Rest;

internal static partial class RestGuardLog
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "REST request to {Method} refused with HTTP {HttpStatus}, reason {Reason}")]
    public static partial void Refused(ILogger logger, string method, int httpStatus, string reason);
}
