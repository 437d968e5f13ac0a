using Google.Protobuf;
using Grpc.Core;

namespace SeatGrpc.Service.Internal;

/// <summary>Turns a <c>google.rpc.Status</c> into the exception that ends a call with it.</summary>
internal static class RpcErrors
{
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    /// <summary>The call's status is the status's code and message; the whole status rides in <c>grpc-status-details-bin</c>.</summary>
    public static RpcException ToRpcException(SeatGrpc.Rpc.Status status)
    {
        var trailers = new Metadata { { StatusDetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status((StatusCode)status.Code, status.Message), trailers);
    }
}
