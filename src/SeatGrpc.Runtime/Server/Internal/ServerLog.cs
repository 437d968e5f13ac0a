using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>The server runtime's structured log events. Never a payload, only names, codes and timings.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "gRPC call {Method} completed with {StatusCode} in {ElapsedMilliseconds:0.000} ms")]
    public static partial void CallCompleted(ILogger logger, string method, StatusCode statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "gRPC handler for {Method} threw an exception")]
    public static partial void HandlerException(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "gRPC call {Method} ended with RpcException {StatusCode}")]
    public static partial void RpcExceptionThrown(ILogger logger, string method, StatusCode statusCode, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "gRPC call {Method} exceeded its deadline of {Deadline:O}")]
    public static partial void DeadlineExceeded(ILogger logger, string method, DateTime deadline);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "gRPC call {Method} has an invalid grpc-timeout {Timeout}; no deadline applied")]
    public static partial void InvalidTimeout(ILogger logger, string method, string timeout);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "gRPC request to {Path} rejected: content type {ContentType} is not supported")]
    public static partial void UnsupportedContentType(ILogger logger, PathString path, string? contentType);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "gRPC request to {Path} rejected: protocol {Protocol} is not HTTP/2")]
    public static partial void UnsupportedProtocol(ILogger logger, PathString path, string protocol);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "gRPC call {Method} rejected: grpc-encoding {Encoding} is not supported")]
    public static partial void UnsupportedEncoding(ILogger logger, string method, string encoding);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "gRPC call {Method} was canceled by the client")]
    public static partial void CanceledByClient(ILogger logger, string method);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "gRPC call {Method} finished after its response was complete; its result was dropped")]
    public static partial void LateResultDropped(ILogger logger, string method);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "gRPC request for unimplemented {Path}: {Detail}")]
    public static partial void Unimplemented(ILogger logger, PathString path, string detail);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "gRPC call {Method} could not complete its response after the deadline; the stream was reset")]
    public static partial void DeadlineResetStream(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "gRPC handler for {Method} threw after its call had ended")]
    public static partial void HandlerExceptionAfterEnd(ILogger logger, string method, Exception exception);
}
