using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// The one place where an exception from a call becomes its status. An <see cref="RpcException"/> carries its
/// own status and trailers; after the deadline or a client cancellation any exception means that; anything
/// else is UNKNOWN with a fixed message, its detail only in the log (and, if enabled, in the message).
/// </summary>
internal static class ServerErrorMapper
{
    /// <summary>Maps an exception that ended a call, and logs it at the level it deserves.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="call">The call.</param>
    /// <param name="trailers">The exception's trailers, or null.</param>
    /// <returns>The status to send.</returns>
    public static Status ToStatus(Exception exception, HttpServerCallContext call, out Metadata? trailers)
    {
        trailers = null;
        var logger = call.Settings.Logger;
        if (call.DeadlineExpired)
        {
            ServerLog.HandlerExceptionAfterEnd(logger, call.MethodName, exception);
            return ProtocolErrors.DeadlineExceeded;
        }

        if (exception is RpcException rpcException)
        {
            ServerLog.RpcExceptionThrown(logger, call.MethodName, rpcException.StatusCode, rpcException);
            trailers = rpcException.Trailers;
            return rpcException.Status;
        }

        if (call.HttpContext.RequestAborted.IsCancellationRequested)
        {
            ServerLog.CanceledByClient(logger, call.MethodName);
            return ProtocolErrors.CancelledByClient;
        }

        ServerLog.HandlerException(logger, call.MethodName, exception);
        var unknown = ProtocolErrors.HandlerException;
        return call.Settings.EnableDetailedErrors
            ? new Status(unknown.StatusCode, $"{unknown.Detail} {exception.GetType().Name}: {exception.Message}", exception)
            : unknown;
    }
}
