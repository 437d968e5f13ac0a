using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>Records when it runs around each kind of call; created per call with its name as an argument.</summary>
public sealed class RecordingInterceptor(EchoProbe probe, string name) : Interceptor, IDisposable
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        probe.Events.Enqueue(name + ":before");
        var response = await continuation(request, context);
        probe.Events.Enqueue(name + ":after");
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        probe.Events.Enqueue(name + ":before");
        await continuation(request, responseStream, context);
        probe.Events.Enqueue(name + ":after");
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        probe.Events.Enqueue(name + ":before");
        var response = await continuation(requestStream, context);
        probe.Events.Enqueue(name + ":after");
        return response;
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        probe.Events.Enqueue(name + ":before");
        await continuation(requestStream, responseStream, context);
        probe.Events.Enqueue(name + ":after");
    }

    public void Dispose() => probe.Events.Enqueue(name + ":disposed");
}
