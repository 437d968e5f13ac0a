using Grpc.Core;

namespace SeatGrpc.Runtime.Tests.Fakes;

/// <summary>Records every method a service definition or generated BindService hands to a binder.</summary>
internal sealed class RecordingServiceBinder : ServiceBinderBase
{
    public List<(IMethod Method, Delegate? Handler)> Methods { get; } = [];

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add((method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add((method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add((method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add((method, handler));
}
