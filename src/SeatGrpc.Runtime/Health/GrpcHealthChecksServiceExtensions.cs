using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SeatGrpc.Runtime.Health;
using SeatGrpc.Runtime.Health.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <c>grpc.health.v1.Health</c>, driven by the health checks, as Grpc.AspNetCore.HealthChecks does.</summary>
public static class GrpcHealthChecksServiceExtensions
{
    /// <summary>The default period of the health check publisher, which pushes changes to Watch streams.</summary>
    public static readonly TimeSpan DefaultPublishPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds the health service: the shared <see cref="HealthServiceImpl"/> (for statuses the application sets itself),
    /// and a health check publisher that runs the registered checks every <see cref="DefaultPublishPeriod"/> and sets
    /// the statuses of <see cref="GrpcHealthChecksOptions.Services"/> from them. Configure
    /// <see cref="HealthCheckPublisherOptions"/> after this call to change the period.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configureOptions">Sets the <see cref="GrpcHealthChecksOptions"/>, or null.</param>
    /// <returns>The builder to register health checks with.</returns>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, Action<GrpcHealthChecksOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrpcHealthChecksOptions>();
        if (configureOptions is not null)
        {
            options.Configure(configureOptions);
        }

        services.TryAddSingleton<HealthServiceImpl>();
        services.TryAddSingleton<HealthChecksStatusUpdater>();
        services.TryAddSingleton<HealthChecksHealthService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, HealthChecksPublisher>());
        services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = DefaultPublishPeriod;
        });
        return services.AddHealthChecks();
    }
}
