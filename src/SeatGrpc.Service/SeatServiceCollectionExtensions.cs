using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SeatGrpc.Domain;
using SeatGrpc.Service;
using SeatGrpc.Service.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SeatGrpcService"/>, its store and its database health check.</summary>
public static class SeatServiceCollectionExtensions
{
    /// <summary>
    /// Adds the seat service: the SQLite store opened and migrated when the host starts, the allocator, the service
    /// (map it with the runtime's <c>MapGrpcService&lt;SeatGrpcService&gt;()</c>) and the <see cref="SeatDatabaseHealthCheck"/>.
    /// </summary>
    public static IServiceCollection AddSeatService(this IServiceCollection services, Action<SeatServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SeatServiceOptions();
        configure?.Invoke(options);

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SeatStore>();
        services.AddHostedService(provider => provider.GetRequiredService<SeatStore>());
        services.AddSingleton<CallGuard>();
        services.AddSingleton<SeatCommands>();
        services.AddSingleton<SeatQueries>();
        services.AddSingleton<BatchExecutor>();
        services.AddSingleton<ManageSeatsStream>();
        services.AddSingleton<EventStream>();
        services.AddSingleton(provider => new SeatGrpcService(
            provider.GetRequiredService<CallGuard>(),
            provider.GetRequiredService<SeatCommands>(),
            provider.GetRequiredService<SeatQueries>(),
            provider.GetRequiredService<BatchExecutor>(),
            provider.GetRequiredService<ManageSeatsStream>(),
            provider.GetRequiredService<EventStream>()));
        services.AddSingleton(provider => new SeatDatabaseHealthCheck(provider.GetRequiredService<SeatStore>()));
        services.AddHealthChecks().AddCheck<SeatDatabaseHealthCheck>(SeatDatabaseHealthCheck.Name, tags: ["database"]);
        return services;
    }
}
