namespace SeatGrpc.Server.Hosting;

internal static partial class HostLog
{
    // One line that a script can read: "seatgrpc listening grpc=http://127.0.0.1:5000 rest=http://127.0.0.1:5001".
    [LoggerMessage(1, LogLevel.Information, "seatgrpc listening grpc={GrpcUri} rest={RestUri}")]
    public static partial void Listening(ILogger logger, Uri grpcUri, Uri restUri);
}
