using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Runs a bidirectional-streaming method: the handler reads and writes concurrently, then the status ends the call.</summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> _serviceMethod;

    public DuplexStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> serviceMethod,
        ServiceCallSettings settings,
        ServiceActivator<TService> activator)
        : base(method, settings, activator)
    {
        _serviceMethod = serviceMethod;
    }

    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        var reader = new HttpContextStreamReader<TRequest>(call, Method.RequestMarshaller.ContextualDeserializer);
        var writer = new HttpContextStreamWriter<TResponse>(call, Method.ResponseMarshaller.ContextualSerializer);
        try
        {
            await (HasInterceptors
                ? InvokeWithInterceptorsAsync(reader, writer, call)
                : InvokeServiceAsync(call, reader, writer, call)).ConfigureAwait(false);
        }
        finally
        {
            reader.Complete();
            writer.Complete();
        }

        await call.EndCallAsync().ConfigureAwait(false);
    }

    private async Task InvokeServiceAsync(HttpServerCallContext call, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        var service = CreateService(call.HttpContext, out var created);
        try
        {
            await _serviceMethod(service, requestStream, responseStream, context).ConfigureAwait(false);
        }
        finally
        {
            if (created)
            {
                await InstanceDisposal.DisposeAsync(service).ConfigureAwait(false);
            }
        }
    }

    private async Task InvokeWithInterceptorsAsync(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, HttpServerCallContext call)
    {
        var interceptors = ActivateInterceptors(call.HttpContext);
        try
        {
            DuplexStreamingServerMethod<TRequest, TResponse> next = (rs, ws, c) => InvokeServiceAsync(call, rs, ws, c);
            for (var i = interceptors.Count - 1; i >= 0; i--)
            {
                var interceptor = interceptors[i];
                var inner = next;
                next = (rs, ws, c) => interceptor.DuplexStreamingServerHandler(rs, ws, c, inner);
            }

            await next(requestStream, responseStream, call).ConfigureAwait(false);
        }
        finally
        {
            await interceptors.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
