using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Runs a client-streaming method: the handler reads the request stream, then one response goes with the status.</summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> _serviceMethod;

    public ClientStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> serviceMethod,
        ServiceCallSettings settings,
        ServiceActivator<TService> activator)
        : base(method, settings, activator)
    {
        _serviceMethod = serviceMethod;
    }

    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        var reader = new HttpContextStreamReader<TRequest>(call, Method.RequestMarshaller.ContextualDeserializer);
        TResponse? response;
        try
        {
            response = HasInterceptors
                ? await InvokeWithInterceptorsAsync(reader, call).ConfigureAwait(false)
                : await InvokeServiceAsync(call, reader, call).ConfigureAwait(false);
        }
        finally
        {
            reader.Complete();
        }

        await call.WriteSingleResponseAsync(
            response ?? throw new InvalidOperationException("The handler returned no response message."),
            Method.ResponseMarshaller.ContextualSerializer).ConfigureAwait(false);
    }

    private async Task<TResponse> InvokeServiceAsync(HttpServerCallContext call, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    {
        var service = CreateService(call.HttpContext, out var created);
        try
        {
            return await _serviceMethod(service, requestStream, context).ConfigureAwait(false);
        }
        finally
        {
            if (created)
            {
                await InstanceDisposal.DisposeAsync(service).ConfigureAwait(false);
            }
        }
    }

    private async Task<TResponse> InvokeWithInterceptorsAsync(IAsyncStreamReader<TRequest> requestStream, HttpServerCallContext call)
    {
        var interceptors = ActivateInterceptors(call.HttpContext);
        try
        {
            ClientStreamingServerMethod<TRequest, TResponse> next = (s, c) => InvokeServiceAsync(call, s, c);
            for (var i = interceptors.Count - 1; i >= 0; i--)
            {
                var interceptor = interceptors[i];
                var inner = next;
                next = (s, c) => interceptor.ClientStreamingServerHandler(s, c, inner);
            }

            return await next(requestStream, call).ConfigureAwait(false);
        }
        finally
        {
            await interceptors.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
