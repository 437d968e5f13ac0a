using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeatGrpc.Runtime.Health;
using SeatGrpc.Runtime.Health.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps <c>grpc.health.v1.Health</c>, as Grpc.AspNetCore.HealthChecks does.</summary>
public static class GrpcHealthChecksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the health service registered by <c>AddGrpcHealthChecks</c>. When the application starts to stop,
    /// every status becomes NOT_SERVING and Watch streams end, so they do not hold up the shutdown.
    /// </summary>
    /// <param name="builder">The endpoint route builder.</param>
    /// <returns>A builder for conventions applied to the health endpoints.</returns>
    public static GrpcServiceEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var health = builder.ServiceProvider.GetService<HealthServiceImpl>()
            ?? throw new InvalidOperationException("Call services.AddGrpcHealthChecks() before mapping the health service.");
        builder.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(health.Shutdown);
        return builder.MapGrpcService<HealthChecksHealthService>();
    }
}
