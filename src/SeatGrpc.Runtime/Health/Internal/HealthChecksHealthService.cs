using Grpc.Core;
using Grpc.Health.V1;

namespace SeatGrpc.Runtime.Health.Internal;

/// <summary>
/// The mapped <c>grpc.health.v1.Health</c> when the health checks drive it: refreshes stale results, then answers
/// from the <see cref="HealthServiceImpl"/> the application shares.
/// </summary>
internal sealed class HealthChecksHealthService(HealthServiceImpl health, HealthChecksStatusUpdater updater) : Grpc.Health.V1.Health.HealthBase
{
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await updater.RefreshIfStaleAsync(context.CancellationToken).ConfigureAwait(false);
        return await health.Check(request, context).ConfigureAwait(false);
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await updater.RefreshIfStaleAsync(context.CancellationToken).ConfigureAwait(false);
        await health.Watch(request, responseStream, context).ConfigureAwait(false);
    }
}
