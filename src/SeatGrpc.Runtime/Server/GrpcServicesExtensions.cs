using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SeatGrpc.Runtime;
using SeatGrpc.Runtime.Server.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC server, as Grpc.AspNetCore's <c>AddGrpc</c> does.</summary>
public static class GrpcServicesExtensions
{
    /// <summary>Adds the services gRPC endpoints need, and optionally configures the global options.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configureOptions">Sets the global <see cref="GrpcServiceOptions"/>, or null.</param>
    /// <returns>A builder for further configuration.</returns>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions();
        services.TryAddSingleton<GrpcMethodCatalog>();
        services.TryAddSingleton(new ServiceLifetimes(services));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, UnimplementedFallbackPolicy>());
        if (configureOptions is not null)
        {
            services.Configure(configureOptions);
        }

        return new GrpcServerBuilder(services);
    }
}
