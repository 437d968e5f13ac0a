using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Runs a unary method: one request, one response written together with its status.</summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, TRequest, ServerCallContext, Task<TResponse>> _serviceMethod;

    public UnaryServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, TRequest, ServerCallContext, Task<TResponse>> serviceMethod,
        ServiceCallSettings settings,
        ServiceActivator<TService> activator)
        : base(method, settings, activator)
    {
        _serviceMethod = serviceMethod;
    }

    /// <summary>Runs the interceptors and the service method; also the entry point of other transports.</summary>
    /// <param name="request">The request.</param>
    /// <param name="call">The call.</param>
    /// <returns>The response.</returns>
    public Task<TResponse> InvokeAsync(TRequest request, HttpServerCallContext call) =>
        HasInterceptors ? InvokeWithInterceptorsAsync(request, call) : InvokeServiceAsync(call, request, call);

    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        var request = await GrpcMessageReader.ReadSingleMessageAsync(call, Method.RequestMarshaller.ContextualDeserializer).ConfigureAwait(false);
        var response = await InvokeAsync(request, call).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The handler returned no response message.");
        await call.WriteSingleResponseAsync(response, Method.ResponseMarshaller.ContextualSerializer).ConfigureAwait(false);
    }

    private Task<TResponse> InvokeServiceAsync(HttpServerCallContext call, TRequest request, ServerCallContext context)
    {
        var service = CreateService(call.HttpContext, out var created);
        return created ? InvokeAndReleaseAsync(service, request, context) : _serviceMethod(service, request, context);
    }

    private async Task<TResponse> InvokeAndReleaseAsync(TService service, TRequest request, ServerCallContext context)
    {
        try
        {
            return await _serviceMethod(service, request, context).ConfigureAwait(false);
        }
        finally
        {
            await InstanceDisposal.DisposeAsync(service).ConfigureAwait(false);
        }
    }

    private async Task<TResponse> InvokeWithInterceptorsAsync(TRequest request, HttpServerCallContext call)
    {
        var interceptors = ActivateInterceptors(call.HttpContext);
        try
        {
            UnaryServerMethod<TRequest, TResponse> next = (r, c) => InvokeServiceAsync(call, r, c);
            for (var i = interceptors.Count - 1; i >= 0; i--)
            {
                var interceptor = interceptors[i];
                var inner = next;
                next = (r, c) => interceptor.UnaryServerHandler(r, c, inner);
            }

            return await next(request, call).ConfigureAwait(false);
        }
        finally
        {
            await interceptors.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
