using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grpc.Net.Client;

/// <summary>
/// A channel to one gRPC server over <see cref="System.Net.Http"/>: HTTP/2 with prior knowledge (h2c)
/// for <c>http://</c> addresses and HTTP/2 over TLS (ALPN) for <c>https://</c>. Calls share one
/// connection and run as concurrent HTTP/2 streams. Stand-in for the official <c>Grpc.Net.Client</c>
/// package, with the same namespace and shape.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly HttpClient? _httpClient;
    private readonly bool _disposeInvoker;
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
    private int _disposed;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http (h2c) or https.", nameof(address));
        }

        Address = address;
        if (options.HttpClient is not null)
        {
            _httpClient = options.HttpClient;
            _invoker = options.HttpClient;
            _disposeInvoker = options.DisposeHttpClient;
        }
        else if (options.HttpHandler is not null)
        {
            _invoker = new HttpMessageInvoker(options.HttpHandler, disposeHandler: options.DisposeHttpClient);
            _disposeInvoker = true;
        }
        else
        {
            _invoker = new HttpMessageInvoker(CreateDefaultHandler(), disposeHandler: true);
            _disposeInvoker = true;
        }

        MaxReceiveMessageSize = options.MaxReceiveMessageSize ?? int.MaxValue;
        MaxSendMessageSize = options.MaxSendMessageSize;
        CompressRequests = options.CompressRequests;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<GrpcChannel>();
    }

    /// <summary>Gets the server address.</summary>
    public Uri Address { get; }

    internal int MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal bool CompressRequests { get; }

    internal ILogger Logger { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Creates a channel to an address such as <c>http://127.0.0.1:5000</c>.</summary>
    /// <param name="address">The server address.</param>
    /// <returns>The channel.</returns>
    public static GrpcChannel ForAddress(string address) => ForAddress(address, new GrpcChannelOptions());

    /// <summary>Creates a channel to an address with options.</summary>
    /// <param name="address">The server address.</param>
    /// <param name="channelOptions">The options.</param>
    /// <returns>The channel.</returns>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ForAddress(new Uri(address), channelOptions);
    }

    /// <summary>Creates a channel to an address.</summary>
    /// <param name="address">The server address.</param>
    /// <returns>The channel.</returns>
    public static GrpcChannel ForAddress(Uri address) => ForAddress(address, new GrpcChannelOptions());

    /// <summary>Creates a channel to an address with options.</summary>
    /// <param name="address">The server address.</param>
    /// <param name="channelOptions">The options.</param>
    /// <returns>The channel.</returns>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channelOptions);
        return new GrpcChannel(address, channelOptions);
    }

    /// <inheritdoc />
    public override CallInvoker CreateCallInvoker()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return new HttpClientCallInvoker(this);
    }

    /// <summary>Releases the connection; calls still in progress fail.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _disposeInvoker)
        {
            _invoker.Dispose();
        }
    }

    /// <inheritdoc />
    protected override Task ShutdownAsyncCore()
    {
        Dispose();
        return Task.CompletedTask;
    }

    internal Uri GetMethodUri(string fullName) =>
        _methodUris.GetOrAdd(fullName, static (name, address) => new Uri(address, name), Address);

    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _httpClient is not null
            ? _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : _invoker.SendAsync(request, cancellationToken);

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        // One connection carries every call as its own HTTP/2 stream.
        EnableMultipleHttp2Connections = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
    };
}
