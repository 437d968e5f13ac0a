using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Logs each gRPC call (and each transcoded REST call) at Debug with its method, status and duration. Disabled at the
/// default level, where it costs one <see cref="ILogger.IsEnabled"/> check per call.
/// </summary>
internal sealed class CallLogInterceptor : Interceptor
{
    private readonly ILogger _logger;

    public CallLogInterceptor(ILogger<CallLogInterceptor> logger)
    {
        _logger = logger;
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return await continuation(request, context).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context).ConfigureAwait(false);
            Completed(context, StatusCode.OK, started);
            return response;
        }
        catch (RpcException e)
        {
            Completed(context, e.StatusCode, started);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            Completed(context, StatusCode.OK, started);
        }
        catch (RpcException e)
        {
            Completed(context, e.StatusCode, started);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            Completed(context, StatusCode.OK, started);
        }
        catch (RpcException e)
        {
            Completed(context, e.StatusCode, started);
            throw;
        }
    }

    private void Completed(ServerCallContext context, StatusCode status, long started) =>
        HostLog.CallCompleted(_logger, context.Method, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
