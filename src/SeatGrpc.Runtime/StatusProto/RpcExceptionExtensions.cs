using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Grpc.Core;

/// <summary>Reads the <c>google.rpc.Status</c> an <see cref="RpcException"/> carries, as the official Grpc.StatusProto does.</summary>
public static class RpcExceptionExtensions
{
    /// <summary>Gets the rich status from the exception's <c>grpc-status-details-bin</c> trailer.</summary>
    /// <param name="ex">The exception.</param>
    /// <returns>The status, or null when there is none or it cannot be parsed.</returns>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Trailers.GetRpcStatus();
    }

    /// <summary>Gets the rich status from a <c>grpc-status-details-bin</c> entry.</summary>
    /// <param name="trailers">The trailers.</param>
    /// <returns>The status, or null when there is none or it cannot be parsed.</returns>
    public static Google.Rpc.Status? GetRpcStatus(this Metadata trailers)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        var entry = trailers.Get(RpcStatusExtensions.StatusDetailsTrailerName);
        if (entry is null || !entry.IsBinary)
        {
            return null;
        }

        try
        {
            // Google.Api.CommonProtos 2.0.0 predates span parsing (IBufferMessage), so parse the array in place.
            return MemoryMarshal.TryGetArray(entry.GetValueBytesUnsafe(), out var bytes)
                ? Google.Rpc.Status.Parser.ParseFrom(bytes.Array, bytes.Offset, bytes.Count)
                : Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
