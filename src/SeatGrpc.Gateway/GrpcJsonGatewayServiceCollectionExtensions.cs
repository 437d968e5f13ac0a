using SeatGrpc.Gateway;
using SeatGrpc.Gateway.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the REST/JSON gateway.</summary>
public static class GrpcJsonGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway that serves the <c>google.api.http</c> rules of the gRPC methods in the
    /// runtime's <c>GrpcMethodCatalog</c> as REST/JSON routes. Map it with
    /// <see cref="Microsoft.AspNetCore.Builder.GrpcJsonGatewayEndpointRouteBuilderExtensions.MapGrpcJsonGateway"/>.
    /// </summary>
    public static IServiceCollection AddGrpcJsonGateway(this IServiceCollection services, Action<GrpcJsonGatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrpcJsonGatewayOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<GrpcJsonGateway>();
        return services;
    }
}
