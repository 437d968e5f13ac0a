using Microsoft.Extensions.Logging;

namespace SeatGrpc.Domain.Internal;

internal static partial class DomainLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Replayed request {RequestId} of {Operation}")]
    public static partial void RequestReplayed(ILogger logger, string requestId, string operation);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Purged {Count} idempotency records")]
    public static partial void IdempotencyRecordsPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Batch for {Parent} rejected at change {ChangeIndex}: {ErrorKind}")]
    public static partial void BatchRejected(ILogger logger, string parent, int changeIndex, SeatErrorKind errorKind);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Write transaction attempt {Attempt} lost a race; running it again")]
    public static partial void WriteRetried(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Write transaction gave up after {Attempts} attempts lost races")]
    public static partial void WriteAbandoned(ILogger logger, int attempts, Exception exception);
}
