using Microsoft.Extensions.Logging;

namespace SeatGrpc.Gateway.Internal;

internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Debug, "Gateway bound {RouteCount} HTTP routes from {MethodCount} methods")]
    public static partial void RoutesBound(ILogger logger, int routeCount, int methodCount);

    [LoggerMessage(2, LogLevel.Debug, "Gateway rejected {HttpMethod} {Rpc}: {StatusCode}")]
    public static partial void RequestRejected(ILogger logger, string httpMethod, string rpc, Grpc.Core.StatusCode statusCode);

    [LoggerMessage(3, LogLevel.Error, "Gateway failed on {HttpMethod} {Rpc}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, string httpMethod, string rpc);

    [LoggerMessage(4, LogLevel.Warning, "Gateway cannot format the status detail {TypeUrl} of {Rpc}: its type is not registered; sent without it")]
    public static partial void DetailsNotFormatted(ILogger logger, string typeUrl, string rpc);
}
