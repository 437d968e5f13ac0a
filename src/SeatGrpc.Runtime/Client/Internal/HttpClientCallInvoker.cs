using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// Runs the generated client stubs' calls over a <see cref="GrpcChannel"/>. The <c>host</c> argument is
/// ignored: the channel's address is the authority.
/// </summary>
internal sealed class HttpClientCallInvoker : CallInvoker
{
    private readonly GrpcChannel _channel;

    public HttpClientCallInvoker(GrpcChannel channel)
    {
        _channel = channel;
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        using var call = AsyncUnaryCall(method, host, options, request);
        return call.ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = CreateCall(method, options);
        call.Start(request);
        return new AsyncUnaryCall<TResponse>(
            call.ReadSingleResponseAsync(),
            Accessors<TRequest, TResponse>.Headers,
            Accessors<TRequest, TResponse>.Status,
            Accessors<TRequest, TResponse>.Trailers,
            Accessors<TRequest, TResponse>.Dispose,
            call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = CreateCall(method, options);
        call.Start(request);
        return new AsyncServerStreamingCall<TResponse>(
            new HttpContentClientStreamReader<TRequest, TResponse>(call),
            Accessors<TRequest, TResponse>.Headers,
            Accessors<TRequest, TResponse>.Status,
            Accessors<TRequest, TResponse>.Trailers,
            Accessors<TRequest, TResponse>.Dispose,
            call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        call.StartStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            new HttpContentClientStreamWriter<TRequest, TResponse>(call),
            call.ReadSingleResponseAsync(),
            Accessors<TRequest, TResponse>.Headers,
            Accessors<TRequest, TResponse>.Status,
            Accessors<TRequest, TResponse>.Trailers,
            Accessors<TRequest, TResponse>.Dispose,
            call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        call.StartStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            new HttpContentClientStreamWriter<TRequest, TResponse>(call),
            new HttpContentClientStreamReader<TRequest, TResponse>(call),
            Accessors<TRequest, TResponse>.Headers,
            Accessors<TRequest, TResponse>.Status,
            Accessors<TRequest, TResponse>.Trailers,
            Accessors<TRequest, TResponse>.Dispose,
            call);
    }

    private GrpcCall<TRequest, TResponse> CreateCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(method);
        ObjectDisposedException.ThrowIf(_channel.IsDisposed, _channel);
        return new GrpcCall<TRequest, TResponse>(_channel, method, options);
    }

    /// <summary>The call objects' accessors, allocated once per message-type pair instead of once per call.</summary>
    private static class Accessors<TRequest, TResponse>
        where TRequest : class
        where TResponse : class
    {
        public static readonly Func<object, Task<Metadata>> Headers = static state => ((GrpcCall<TRequest, TResponse>)state).ResponseHeadersAsync;
        public static readonly Func<object, Status> Status = static state => ((GrpcCall<TRequest, TResponse>)state).GetStatus();
        public static readonly Func<object, Metadata> Trailers = static state => ((GrpcCall<TRequest, TResponse>)state).GetTrailers();
        public static readonly Action<object> Dispose = static state => ((GrpcCall<TRequest, TResponse>)state).Dispose();
    }
}
