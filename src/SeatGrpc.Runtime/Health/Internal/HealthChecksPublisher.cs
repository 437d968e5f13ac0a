using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SeatGrpc.Runtime.Health.Internal;

/// <summary>Receives the periodic health check report and updates the gRPC statuses from it.</summary>
internal sealed class HealthChecksPublisher(HealthChecksStatusUpdater updater) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        updater.Update(report);
        return Task.CompletedTask;
    }
}
