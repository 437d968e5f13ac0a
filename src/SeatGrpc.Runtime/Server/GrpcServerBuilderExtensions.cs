using Grpc.AspNetCore.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Per-service configuration on <see cref="IGrpcServerBuilder"/>.</summary>
public static class GrpcServerBuilderExtensions
{
    /// <summary>Configures the options of one service, on top of the global ones.</summary>
    /// <typeparam name="TService">The service implementation type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the service's options.</param>
    /// <returns>The builder.</returns>
    public static IGrpcServerBuilder AddServiceOptions<TService>(this IGrpcServerBuilder builder, Action<GrpcServiceOptions<TService>> configure)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
