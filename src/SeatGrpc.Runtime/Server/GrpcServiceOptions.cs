using System.IO.Compression;

namespace Grpc.AspNetCore.Server;

/// <summary>
/// Options for the gRPC services mapped with <c>MapGrpcService</c>; the same names and defaults as
/// Grpc.AspNetCore.Server's type of this name.
/// </summary>
public class GrpcServiceOptions
{
    /// <summary>The default receive limit: 4 MiB.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Gets or sets the largest request message, in bytes, the server accepts; null for no limit.</summary>
    /// <remarks>A larger message ends the call with RESOURCE_EXHAUSTED. Compressed messages are checked before and after decompression.</remarks>
    public int? MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>Gets or sets the largest response message, in bytes, the server sends; null (the default) for no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Gets or sets whether an unexpected handler exception's type and message go to the client.</summary>
    /// <remarks>Off by default: the client then sees only "Exception was thrown by handler.".</remarks>
    public bool? EnableDetailedErrors { get; set; }

    /// <summary>
    /// Gets or sets the compression applied to response messages (<c>gzip</c> or <c>deflate</c>) when the
    /// client's <c>grpc-accept-encoding</c> allows it; null for none.
    /// </summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Gets or sets the level of response compression.</summary>
    public CompressionLevel? ResponseCompressionLevel { get; set; }

    /// <summary>Gets the interceptors run around every call, in order: the first added is the outermost.</summary>
    public InterceptorCollection Interceptors { get; } = [];

    internal void CopyTo(GrpcServiceOptions target)
    {
        target.MaxReceiveMessageSize = MaxReceiveMessageSize;
        target.MaxSendMessageSize = MaxSendMessageSize;
        target.EnableDetailedErrors = EnableDetailedErrors;
        target.ResponseCompressionAlgorithm = ResponseCompressionAlgorithm;
        target.ResponseCompressionLevel = ResponseCompressionLevel;
        foreach (var interceptor in Interceptors)
        {
            target.Interceptors.Add(interceptor);
        }
    }
}
