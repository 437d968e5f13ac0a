using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The statuses the client raises itself, declared once instead of as strings spread through the call.</summary>
internal static class ClientStatuses
{
    public static readonly Status DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    public static readonly Status Cancelled = new(StatusCode.Cancelled, "Call canceled by the client.");
    public static readonly Status Disposed = new(StatusCode.Cancelled, "gRPC call disposed.");
    public static readonly Status ReceiveTooLarge = new(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
    public static readonly Status SendTooLarge = new(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size.");
    public static readonly Status IncompleteMessage = new(StatusCode.Internal, "Incomplete message.");
    public static readonly Status MissingEncoding = new(StatusCode.Internal, "Compressed message received without a grpc-encoding header.");
    public static readonly Status NoUnaryResponse = new(StatusCode.Internal, "Failed to deserialize response message: no message was returned.");
    public static readonly Status ExtraUnaryResponse = new(StatusCode.Internal, "More than one response message was returned for a unary call.");
    public static readonly Status MissingStatus = new(StatusCode.Internal, "No grpc-status found on response.");

    public static Status UnsupportedEncoding(string encoding) =>
        new(StatusCode.Internal, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: identity, gzip.");

    public static Status BadHttpStatus(int httpStatus) =>
        new(GrpcProtocol.MapHttpStatus((System.Net.HttpStatusCode)httpStatus), $"Bad gRPC response. HTTP status code: {httpStatus}");

    public static Status BadContentType(string? contentType) =>
        new(StatusCode.Unknown, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}");

    public static Status DeserializeFailed(Exception exception) =>
        new(StatusCode.Internal, "Failed to deserialize response message.", exception);

    public static Status SerializeFailed(Exception exception) =>
        new(StatusCode.Internal, "Failed to serialize request message.", exception);

    public static Status ConnectionFailed(Exception exception) =>
        new(StatusCode.Unavailable, $"Error starting gRPC call. {exception.GetType().Name}: {exception.Message}", exception);

    public static Status ReadFailed(Exception exception) =>
        new(StatusCode.Unavailable, $"Error reading next message. {exception.GetType().Name}: {exception.Message}", exception);

    public static Status WriteFailed(Exception exception) =>
        new(StatusCode.Unavailable, $"Error writing request message. {exception.GetType().Name}: {exception.Message}", exception);
}
