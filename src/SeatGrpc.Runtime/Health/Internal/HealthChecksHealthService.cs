using Grpc.Core;
using Grpc.Health.V1;

namespace SeatGrpc.Runtime.Health.Internal;

/// <summary>
/// The mapped <c>grpc.health.v1.Health</c> when the health checks drive it: refreshes stale results, then answers
/// from the <see cref="HealthServiceImpl"/> the application shares.
/// </summary>
internal sealed class HealthChecksHealthService(HealthServiceImpl health, HealthChecksStatusUpdater updater) : Grpc.Health.V1.Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Recent results: answer from the cached statuses at once, without an async state machine.
        var refresh = updater.RefreshIfStaleAsync(context.CancellationToken);
        return refresh.IsCompletedSuccessfully ? health.Check(request, context) : CheckAfterRefreshAsync(refresh, request, context);
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await updater.RefreshIfStaleAsync(context.CancellationToken).ConfigureAwait(false);
        await health.Watch(request, responseStream, context).ConfigureAwait(false);
    }

    private async Task<HealthCheckResponse> CheckAfterRefreshAsync(Task refresh, HealthCheckRequest request, ServerCallContext context)
    {
        await refresh.ConfigureAwait(false);
        return await health.Check(request, context).ConfigureAwait(false);
    }
}
