using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Runs a server-streaming method: one request, then the handler's messages, then the status.</summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> _serviceMethod;

    public ServerStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> serviceMethod,
        ServiceCallSettings settings,
        ServiceActivator<TService> activator)
        : base(method, settings, activator)
    {
        _serviceMethod = serviceMethod;
    }

    /// <summary>Runs the interceptors and the service method; also the entry point of other transports.</summary>
    /// <param name="request">The request.</param>
    /// <param name="responseStream">Where the responses go.</param>
    /// <param name="call">The call.</param>
    /// <returns>A task that completes when the handler has returned.</returns>
    public Task InvokeAsync(TRequest request, IServerStreamWriter<TResponse> responseStream, HttpServerCallContext call) =>
        HasInterceptors ? InvokeWithInterceptorsAsync(request, responseStream, call) : InvokeServiceAsync(call, request, responseStream, call);

    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        var request = await GrpcMessageReader.ReadSingleMessageAsync(call, Method.RequestMarshaller.ContextualDeserializer).ConfigureAwait(false);
        var writer = new HttpContextStreamWriter<TResponse>(call, Method.ResponseMarshaller.ContextualSerializer);
        try
        {
            await InvokeAsync(request, writer, call).ConfigureAwait(false);
        }
        finally
        {
            writer.Complete();
        }

        await call.EndCallAsync().ConfigureAwait(false);
    }

    private async Task InvokeServiceAsync(HttpServerCallContext call, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        var service = CreateService(call.HttpContext, out var created);
        try
        {
            await _serviceMethod(service, request, responseStream, context).ConfigureAwait(false);
        }
        finally
        {
            if (created)
            {
                await InstanceDisposal.DisposeAsync(service).ConfigureAwait(false);
            }
        }
    }

    private async Task InvokeWithInterceptorsAsync(TRequest request, IServerStreamWriter<TResponse> responseStream, HttpServerCallContext call)
    {
        var interceptors = ActivateInterceptors(call.HttpContext);
        try
        {
            ServerStreamingServerMethod<TRequest, TResponse> next = (r, s, c) => InvokeServiceAsync(call, r, s, c);
            for (var i = interceptors.Count - 1; i >= 0; i--)
            {
                var interceptor = interceptors[i];
                var inner = next;
                next = (r, s, c) => interceptor.ServerStreamingServerHandler(r, s, c, inner);
            }

            await next(request, responseStream, call).ConfigureAwait(false);
        }
        finally
        {
            await interceptors.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
