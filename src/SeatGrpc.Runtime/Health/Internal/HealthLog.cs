using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SeatGrpc.Runtime.Health.Internal;

/// <summary>The health service's log messages.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 1, EventName = "HealthStatusChanged", Level = LogLevel.Information, Message = "Health of {ServiceName} changed from {PreviousStatus} to {Status}.")]
    public static partial void StatusChanged(ILogger logger, string serviceName, ServingStatus previousStatus, ServingStatus status);
}
