using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// The statuses the server sends when a request breaks the protocol, declared once so the reader,
/// the writer and the call handlers agree on their codes and texts.
/// </summary>
internal static class ProtocolErrors
{
    public static readonly Status MessageTooLarge =
        new(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");

    public static readonly Status SendMessageTooLarge =
        new(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size.");

    public static readonly Status IncompleteMessage =
        new(StatusCode.Internal, "Incomplete message.");

    public static readonly Status AdditionalData =
        new(StatusCode.Internal, "Additional data after the message received.");

    public static readonly Status NoMessage =
        new(StatusCode.Internal, "Request did not contain a message.");

    public static readonly Status InvalidMessage =
        new(StatusCode.Internal, "Failed to deserialize the request message.");

    public static readonly Status InvalidCompressedFlag =
        new(StatusCode.Internal, "Request message has an invalid compressed flag.");

    public static readonly Status CompressedWithoutEncoding =
        new(StatusCode.Internal, "Request sent a compressed message without a grpc-encoding.");

    public static readonly Status InvalidCompressedData =
        new(StatusCode.Internal, "Failed to decompress the request message.");

    public static readonly Status DeadlineExceeded =
        new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    public static readonly Status CancelledByClient =
        new(StatusCode.Cancelled, "Call canceled by the client.");

    public static readonly Status HandlerException =
        new(StatusCode.Unknown, "Exception was thrown by handler.");

    public static readonly Status ServiceUnimplemented =
        new(StatusCode.Unimplemented, "Service is unimplemented.");

    public static readonly Status MethodUnimplemented =
        new(StatusCode.Unimplemented, "Method is unimplemented.");

    /// <summary>The status for a request compressed with an encoding the server does not support.</summary>
    /// <param name="encoding">The request's <c>grpc-encoding</c>.</param>
    /// <returns>UNIMPLEMENTED, naming the supported encodings.</returns>
    public static Status UnsupportedEncoding(string encoding) =>
        new(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocol.SupportedEncodings}");

    /// <summary>The status for a request whose content type is not gRPC.</summary>
    /// <param name="contentType">The request's content type.</param>
    /// <returns>INTERNAL, sent with HTTP 415.</returns>
    public static Status UnsupportedContentType(string? contentType) =>
        new(StatusCode.Internal, $"Content-Type '{contentType}' is not supported.");

    /// <summary>The status for a request over another protocol than HTTP/2.</summary>
    /// <param name="protocol">The request's protocol.</param>
    /// <returns>INTERNAL, sent with HTTP 426.</returns>
    public static Status UnsupportedProtocol(string protocol) =>
        new(StatusCode.Internal, $"Request protocol '{protocol}' is not supported; gRPC requires HTTP/2.");

    /// <summary>Wraps a protocol status in the exception the reader and writer throw.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The exception.</returns>
    public static RpcException ToException(this Status status) => new(status);
}
