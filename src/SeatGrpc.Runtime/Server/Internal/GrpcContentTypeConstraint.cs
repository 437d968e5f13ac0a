using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Lets the unimplemented fallback match only gRPC requests, so other endpoints' 404s stay 404s.</summary>
internal sealed class GrpcContentTypeConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null && GrpcProtocol.IsAnyGrpcContentType(httpContext.Request.ContentType);
}
