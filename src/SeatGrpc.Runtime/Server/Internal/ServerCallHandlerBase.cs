using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// What the four call handlers share: the checks of a request's protocol and content type, the call's
/// life cycle (start, run, map any exception, end), and per-call service activation.
/// </summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
internal abstract class ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly ServiceActivator<TService> _activator;

    protected ServerCallHandlerBase(Method<TRequest, TResponse> method, ServiceCallSettings settings, ServiceActivator<TService> activator)
    {
        Method = method;
        Settings = settings;
        _activator = activator;
    }

    public Method<TRequest, TResponse> Method { get; }

    protected ServiceCallSettings Settings { get; }

    protected bool HasInterceptors => Settings.Interceptors.Length > 0;

    /// <summary>The endpoint's request delegate.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>A task that completes when the call has ended.</returns>
    public Task HandleCallAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            ServerLog.UnsupportedProtocol(Settings.Logger, request.Path, request.Protocol);
            TrailersOnlyResponse.Write(httpContext.Response, StatusCodes.Status426UpgradeRequired, ProtocolErrors.UnsupportedProtocol(request.Protocol));
            return Task.CompletedTask;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            ServerLog.UnsupportedContentType(Settings.Logger, request.Path, request.ContentType);
            TrailersOnlyResponse.Write(httpContext.Response, StatusCodes.Status415UnsupportedMediaType, ProtocolErrors.UnsupportedContentType(request.ContentType));
            return Task.CompletedTask;
        }

        return HandleGrpcCallAsync(httpContext);
    }

    /// <summary>Reads the request, runs the handler and writes its outcome.</summary>
    /// <param name="call">The call.</param>
    /// <returns>A task that completes when the handler's outcome is written.</returns>
    protected abstract Task HandleCallCoreAsync(HttpServerCallContext call);

    /// <summary>Gets the service instance for one call.</summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="created">True when the instance must be released after the call.</param>
    /// <returns>The instance.</returns>
    protected TService CreateService(HttpContext httpContext, out bool created) =>
        _activator.Create(httpContext, out created);

    /// <summary>Activates the call's interceptors.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The interceptors, to release after the call.</returns>
    protected ActivatedInterceptors ActivateInterceptors(HttpContext httpContext) =>
        new(Settings.Interceptors, httpContext.RequestServices);

    private async Task HandleGrpcCallAsync(HttpContext httpContext)
    {
        var call = new HttpServerCallContext(httpContext, Method, Settings);
        try
        {
            var earlyStatus = call.Initialize(forGateway: false);
            if (earlyStatus is { } status)
            {
                call.WriteEarlyError(status);
                return;
            }

            await HandleCallCoreAsync(call).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await call.EndCallWithErrorAsync(ex).ConfigureAwait(false);
        }
        finally
        {
            await call.DisposeAsync().ConfigureAwait(false);
        }
    }
}
