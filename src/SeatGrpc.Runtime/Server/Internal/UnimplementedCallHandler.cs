using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Answers a gRPC request that matched no method: UNIMPLEMENTED, "Method is unimplemented." when the
/// service is mapped, else "Service is unimplemented.", as a Trailers-Only response.
/// </summary>
internal sealed class UnimplementedCallHandler
{
    private readonly GrpcMethodCatalog _catalog;
    private readonly ILogger _logger;

    public UnimplementedCallHandler(GrpcMethodCatalog catalog, ILogger logger)
    {
        _catalog = catalog;
        _logger = logger;
    }

    public Task HandleCallAsync(HttpContext httpContext)
    {
        var service = httpContext.Request.RouteValues[GrpcRouting.ServiceRouteKey] as string;
        var status = service is not null && _catalog.HasService(service)
            ? ProtocolErrors.MethodUnimplemented
            : ProtocolErrors.ServiceUnimplemented;
        ServerLog.Unimplemented(_logger, httpContext.Request.Path, status.Detail);
        TrailersOnlyResponse.Write(httpContext.Response, StatusCodes.Status200OK, status);
        return Task.CompletedTask;
    }
}
