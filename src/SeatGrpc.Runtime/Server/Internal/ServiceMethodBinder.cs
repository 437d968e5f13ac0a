using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Receives a generated service's methods from its <c>BindService(ServiceBinderBase, TServiceBase)</c>
/// (called without an instance) and builds, once, each method's call handler and catalog entry.
/// </summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
internal sealed class ServiceMethodBinder<TService> : ServiceBinderBase
    where TService : class
{
    private readonly ServiceCallSettings _settings;
    private readonly ServiceActivator<TService> _activator;
    private readonly ServiceDescriptor? _descriptor;

    public ServiceMethodBinder(ServiceCallSettings settings, ServiceActivator<TService> activator, ServiceDescriptor? descriptor)
    {
        _settings = settings;
        _activator = activator;
        _descriptor = descriptor;
    }

    /// <summary>Gets the bound methods, in the order the generated code declares them.</summary>
    public List<BoundMethod> Methods { get; } = [];

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var serviceMethod = FindServiceMethod<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(
            method, typeof(TRequest), typeof(ServerCallContext));
        var callHandler = new UnaryServerCallHandler<TService, TRequest, TResponse>(method, serviceMethod, _settings, _activator);
        Add(callHandler, callHandler.HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var serviceMethod = FindServiceMethod<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>(
            method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        var callHandler = new ClientStreamingServerCallHandler<TService, TRequest, TResponse>(method, serviceMethod, _settings, _activator);
        Add(callHandler, callHandler.HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var serviceMethod = FindServiceMethod<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(
            method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        var callHandler = new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, serviceMethod, _settings, _activator);
        Add(callHandler, callHandler.HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var serviceMethod = FindServiceMethod<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(
            method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        var callHandler = new DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(method, serviceMethod, _settings, _activator);
        Add(callHandler, callHandler.HandleCallAsync);
    }

    // An open-instance delegate over the (virtual) method: one per method, bound to each call's instance.
    private static TDelegate FindServiceMethod<TDelegate>(IMethod method, params Type[] parameterTypes)
        where TDelegate : Delegate
    {
        var methodInfo = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new InvalidOperationException($"Could not find the method '{method.Name}' of gRPC method '{method.FullName}' on service type '{typeof(TService)}'.");
        return methodInfo.CreateDelegate<TDelegate>();
    }

    private void Add<TRequest, TResponse>(ServerCallHandlerBase<TService, TRequest, TResponse> handler, RequestDelegate requestDelegate)
        where TRequest : class
        where TResponse : class
    {
        var descriptor = _descriptor?.FindMethodByName(handler.Method.Name);
        Methods.Add(new BoundMethod(handler.Method, requestDelegate, new ServiceMethodEntry<TService, TRequest, TResponse>(handler, descriptor, _settings)));
    }
}
