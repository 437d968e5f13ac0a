using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeatGrpc.Gateway;
using SeatGrpc.Gateway.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the REST/JSON gateway onto endpoint routing.</summary>
public static class GrpcJsonGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Binds the HTTP rule of every method in the catalog (call it after the gRPC services are
    /// mapped) and maps their routes, plus the OpenAPI document. Throws
    /// <see cref="InvalidOperationException"/> naming the RPC when a rule cannot be bound.
    /// </summary>
    /// <returns>A builder for conventions (authorization, CORS, ...) over every gateway endpoint.</returns>
    public static IEndpointConventionBuilder MapGrpcJsonGateway(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var gateway = endpoints.ServiceProvider.GetRequiredService<GrpcJsonGateway>();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GrpcJsonGatewayOptions>>().Value;

        var group = endpoints.MapGroup(string.Empty);
        foreach (var pattern in gateway.Table.EndpointPatterns())
        {
            // Every HTTP method reaches the handler, which answers 405 with Allow itself.
            group.Map(pattern, gateway.Handler.HandleAsync)
                .WithDisplayName($"gRPC JSON gateway {pattern}")
                .WithOrder(pattern == "/{**path}" ? int.MaxValue : 0);
        }

        if (options.OpenApiPath is { } openApiPath)
        {
            group.MapGet(openApiPath, (HttpContext context) =>
                Results.Bytes(gateway.OpenApiDocument, "application/json; charset=utf-8"))
                .WithDisplayName("gRPC JSON gateway OpenAPI document");
        }

        return group;
    }
}
