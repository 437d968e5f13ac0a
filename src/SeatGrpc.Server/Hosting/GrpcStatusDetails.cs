using Google.Protobuf;

namespace SeatGrpc.Server.Hosting;

/// <summary>The <c>grpc-status-details-bin</c> value of a status our host answers without a service: unpadded base64, as gRPC sends binary metadata.</summary>
internal static class GrpcStatusDetails
{
    public const string Key = "grpc-status-details-bin";

    public static string Encode(Google.Rpc.Status status) => Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
}
