using Grpc.Core;

namespace SeatGrpc.Server.Hosting;

internal static partial class HostLog
{
    // One line that a script can read: "seatgrpc listening grpc=http://127.0.0.1:5000 rest=http://127.0.0.1:5001".
    [LoggerMessage(1, LogLevel.Information, "seatgrpc listening grpc={GrpcUri} rest={RestUri}")]
    public static partial void Listening(ILogger logger, Uri grpcUri, Uri restUri);

    [LoggerMessage(1, LogLevel.Debug, "gRPC call {Method} completed with {Status} in {DurationMs:0.000} ms")]
    public static partial void CallCompleted(ILogger logger, string method, StatusCode status, double durationMs);
}
