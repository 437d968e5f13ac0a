using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>The catalog entry of one method: runs unary and server-streaming calls for other transports.</summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
internal sealed class ServiceMethodEntry<TService, TRequest, TResponse> : GrpcMethodEntry
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly ServerCallHandlerBase<TService, TRequest, TResponse> _handler;
    private readonly ServiceCallSettings _settings;

    public ServiceMethodEntry(ServerCallHandlerBase<TService, TRequest, TResponse> handler, MethodDescriptor? descriptor, ServiceCallSettings settings)
        : base(handler.Method, descriptor, typeof(TRequest), typeof(TResponse))
    {
        _handler = handler;
        _settings = settings;
    }

    public override async Task<object> InvokeUnaryAsync(HttpContext httpContext, object request)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var typedRequest = CastRequest(request);
        if (_handler is not UnaryServerCallHandler<TService, TRequest, TResponse> unary)
        {
            throw WrongKind(MethodType.Unary);
        }

        var call = StartCall(httpContext);
        try
        {
            var response = await unary.InvokeAsync(typedRequest, call).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The handler returned no response message.");
            call.CompleteGatewayCall();
            return response;
        }
        catch (Exception ex)
        {
            throw call.ToGatewayException(ex);
        }
        finally
        {
            await call.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override async Task InvokeServerStreamingAsync(HttpContext httpContext, object request, Func<object, CancellationToken, Task> write)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(write);
        var typedRequest = CastRequest(request);
        if (_handler is not ServerStreamingServerCallHandler<TService, TRequest, TResponse> streaming)
        {
            throw WrongKind(MethodType.ServerStreaming);
        }

        var call = StartCall(httpContext);
        var writer = new GatewayStreamWriter<TResponse>(call, write);
        try
        {
            await streaming.InvokeAsync(typedRequest, writer, call).ConfigureAwait(false);
            call.CompleteGatewayCall();
        }
        catch (Exception ex)
        {
            throw call.ToGatewayException(ex);
        }
        finally
        {
            writer.Complete();
            await call.DisposeAsync().ConfigureAwait(false);
        }
    }

    private HttpServerCallContext StartCall(HttpContext httpContext)
    {
        var call = new HttpServerCallContext(httpContext, Method, _settings);
        if (call.Initialize(forGateway: true) is { } earlyStatus)
        {
            throw new RpcException(earlyStatus);
        }

        return call;
    }

    private TRequest CastRequest(object request) =>
        request as TRequest ?? throw new RpcException(new Status(
            StatusCode.Internal,
            $"The request for '{Method.FullName}' must be a {typeof(TRequest).Name}, not {request?.GetType().Name ?? "null"}."));

    private RpcException WrongKind(MethodType expected) =>
        new(new Status(StatusCode.Unimplemented, $"Method '{Method.FullName}' is {Method.Type}; it cannot be invoked as {expected}."));
}
