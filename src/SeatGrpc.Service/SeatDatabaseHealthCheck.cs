using Microsoft.Extensions.Diagnostics.HealthChecks;
using SeatGrpc.Service.Internal;

namespace SeatGrpc.Service;

/// <summary>
/// Healthy while the seat database can be opened and queried; registered by <c>AddSeatService</c> under
/// <see cref="Name"/>, for the grpc.health.v1 service to report NOT_SERVING when it is not.
/// </summary>
public sealed class SeatDatabaseHealthCheck : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "seats-database";

    private readonly SeatStore _store;

    internal SeatDatabaseHealthCheck(SeatStore store)
    {
        _store = store;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_store.IsOpen)
        {
            return HealthCheckResult.Unhealthy("The seat database is not open yet.");
        }

        return await _store.Allocator.CheckHealthAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("The seat database answers.")
            : HealthCheckResult.Unhealthy("The seat database cannot be opened or queried.");
    }
}
