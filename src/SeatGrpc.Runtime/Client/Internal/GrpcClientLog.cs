using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.Net.Client.Internal;

/// <summary>The client's log events. Never logs a message payload or a metadata value.</summary>
internal static partial class GrpcClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Starting {MethodType} call to {Method}.")]
    public static partial void CallStarting(ILogger logger, MethodType methodType, string method);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Call to {Method} finished with {StatusCode} in {ElapsedMilliseconds} ms.")]
    public static partial void CallFinished(ILogger logger, string method, StatusCode statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Call to {Method} failed with {StatusCode} in {ElapsedMilliseconds} ms: {Detail}")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode, double elapsedMilliseconds, string detail);
}
