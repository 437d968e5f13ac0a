using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SeatGrpc.Client.Internal;

/// <summary>
/// Unary calls get the default deadline when their caller set none, and wait for a connection that is down instead of
/// failing at once (when <see cref="SeatGrpcClientOptions.WaitForReady"/>). Streams are left alone: a watch or a
/// ManageSeats stream is meant to stay open, so a deadline would cut it.
/// </summary>
internal sealed class CallDefaultsInterceptor : Interceptor
{
    private readonly TimeSpan _deadline;
    private readonly bool _waitForReady;
    private readonly TimeProvider _time;

    public CallDefaultsInterceptor(TimeSpan deadline, bool waitForReady, TimeProvider time)
    {
        _deadline = deadline;
        _waitForReady = waitForReady;
        _time = time;
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(request, WithDefaults(context));
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(request, WithDefaults(context));
    }

    private ClientInterceptorContext<TRequest, TResponse> WithDefaults<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var options = context.Options;
        if (options.Deadline is null)
        {
            options = options.WithDeadline(_time.GetUtcNow().UtcDateTime + _deadline);
        }

        if (_waitForReady)
        {
            options = options.WithWaitForReady();
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }
}
