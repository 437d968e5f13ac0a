using Grpc.Net.Client.Internal;
using Microsoft.Extensions.Logging;

namespace Grpc.Net.Client;

/// <summary>
/// Options of a <see cref="GrpcChannel"/>, with the official package's names. Left out: credentials,
/// retries, service config and compression providers; <see cref="CompressRequests"/> is ours (the
/// official client asks for request compression with the <c>grpc-internal-encoding-request</c> call
/// header, which this client honours too).
/// </summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Gets or sets the handler that sends the requests; a <see cref="SocketsHttpHandler"/> if neither this nor <see cref="HttpClient"/> is set.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Gets or sets the client that sends the requests; takes precedence over <see cref="HttpHandler"/>. Its <c>Timeout</c> applies to whole calls, so set it to infinite for streaming calls.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Gets or sets whether disposing the channel disposes <see cref="HttpClient"/> or <see cref="HttpHandler"/>. The default handler is always disposed.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>Gets or sets the largest message the client accepts, in bytes; 4 MiB by default, no limit when null. Larger messages fail the call with RESOURCE_EXHAUSTED.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Gets or sets the largest message the client sends, in bytes; no limit when null. Larger messages fail the call with RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Gets or sets whether request messages are gzip-compressed (<c>grpc-encoding: gzip</c>); off by default.</summary>
    public bool CompressRequests { get; set; }

    /// <summary>Gets or sets the logger factory for call logs; none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
