using Google.Protobuf;

namespace Grpc.Core;

/// <summary>
/// <c>google.rpc.Status</c> helpers with the names of the official Grpc.StatusProto package: a rich status
/// travels as a serialized <c>google.rpc.Status</c> in the <c>grpc-status-details-bin</c> trailer.
/// </summary>
public static class RpcStatusExtensions
{
    /// <summary>The trailer that carries the serialized <c>google.rpc.Status</c>.</summary>
    public const string StatusDetailsTrailerName = "grpc-status-details-bin";

    /// <summary>Creates the exception that sends this status: its code and message, and itself as details.</summary>
    /// <param name="status">The rich status.</param>
    /// <returns>The exception.</returns>
    public static RpcException ToRpcException(this SeatGrpc.Rpc.Status status) =>
        status.ToRpcException(new Metadata());

    /// <summary>Creates the exception that sends this status, with further trailers.</summary>
    /// <param name="status">The rich status.</param>
    /// <param name="trailers">Trailers to send too; the details entry is added to it.</param>
    /// <returns>The exception.</returns>
    public static RpcException ToRpcException(this SeatGrpc.Rpc.Status status, Metadata trailers)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(trailers);
        trailers.Add(StatusDetailsTrailerName, status.ToByteArray());
        return new RpcException(new Grpc.Core.Status((StatusCode)status.Code, status.Message), trailers);
    }

    /// <summary>Gets the first detail of the given type.</summary>
    /// <typeparam name="T">The detail message type, e.g. <c>ErrorInfo</c>.</typeparam>
    /// <param name="status">The rich status.</param>
    /// <returns>The detail, or null.</returns>
    public static T? GetDetail<T>(this SeatGrpc.Rpc.Status status)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(status);
        var descriptor = new T().Descriptor;
        foreach (var detail in status.Details)
        {
            if (detail.Is(descriptor))
            {
                return detail.Unpack<T>();
            }
        }

        return null;
    }
}
