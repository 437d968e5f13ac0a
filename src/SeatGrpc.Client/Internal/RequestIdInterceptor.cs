using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SeatGrpc.Client.Internal;

/// <summary>
/// Gives every write whose caller left <c>request_id</c> empty a fresh UUID, before the channel sends it: the channel's
/// retries then resend the same id, and the server replays the first result instead of applying the write twice.
/// The id is written into the caller's own message, so sending that message again after a failure is safe too.
/// ManageSeats batches get theirs as they are written to the stream.
/// </summary>
internal sealed class RequestIdInterceptor : Interceptor
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        RequestIds.FillIfEmpty(request);
        return continuation(request, context);
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        RequestIds.FillIfEmpty(request);
        return continuation(request, context);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var call = continuation(context);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            new RequestIdStreamWriter<TRequest>(call.RequestStream),
            call.ResponseStream,
            call.ResponseHeadersAsync,
            call.GetStatus,
            call.GetTrailers,
            call.Dispose);
    }
}
