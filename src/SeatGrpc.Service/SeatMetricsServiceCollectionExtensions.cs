using Microsoft.Extensions.DependencyInjection.Extensions;
using SeatGrpc.Service.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the seat gauges, for a host that exports metrics.</summary>
public static class SeatMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gauges <c>seatgrpc.seats.total</c> and <c>seatgrpc.seats.occupied</c> (meter "SeatGrpc"), refreshed by
    /// one aggregate query every few seconds. Call it after <c>AddSeatService</c>, and only where metrics are exported:
    /// the query runs whether or not anything reads the gauges.
    /// </summary>
    public static IServiceCollection AddSeatOccupancyMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SeatOccupancyGauge>();
        return services;
    }
}
