namespace Grpc.Core;

/// <summary>
/// What a server handler knows about its call. Each public member forwards to a protected <c>…Core</c>
/// member that the host implements, the same split as the official API so the host can be swapped.
/// </summary>
/// <remarks>
/// Left out on purpose: <c>AuthContext</c> (callers authenticate with a bearer key in the metadata, not TLS
/// peer identity) and <c>CreatePropagationToken</c> (no client-side context propagation).
/// </remarks>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? _userState;

    /// <summary>Initializes a new instance of the <see cref="ServerCallContext"/> class.</summary>
    protected ServerCallContext()
    {
    }

    /// <summary>Gets the full name of the called method, e.g. <c>/seats.v1.SeatService/GetSeat</c>.</summary>
    public string Method => MethodCore;

    /// <summary>Gets the host the client addressed (the <c>:authority</c>).</summary>
    public string Host => HostCore;

    /// <summary>Gets the client's address, e.g. <c>ipv4:127.0.0.1:50000</c>.</summary>
    public string Peer => PeerCore;

    /// <summary>Gets the call's deadline in UTC; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public DateTime Deadline => DeadlineCore;

    /// <summary>Gets the metadata the client sent.</summary>
    public Metadata RequestHeaders => RequestHeadersCore;

    /// <summary>Gets a token cancelled when the call ends early (client cancellation, deadline, disconnection).</summary>
    public CancellationToken CancellationToken => CancellationTokenCore;

    /// <summary>Gets the trailers that will be sent with the status.</summary>
    public Metadata ResponseTrailers => ResponseTrailersCore;

    /// <summary>Gets or sets the status to send when the handler completes normally.</summary>
    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    /// <summary>Gets or sets the options for writing response messages.</summary>
    public WriteOptions? WriteOptions
    {
        get => WriteOptionsCore;
        set => WriteOptionsCore = value;
    }

    /// <summary>Gets a dictionary for state shared by interceptors and the handler during this call.</summary>
    public IDictionary<object, object> UserState => UserStateCore;

    /// <summary>Gets the full name of the called method.</summary>
    protected abstract string MethodCore { get; }

    /// <summary>Gets the host the client addressed.</summary>
    protected abstract string HostCore { get; }

    /// <summary>Gets the client's address.</summary>
    protected abstract string PeerCore { get; }

    /// <summary>Gets the call's deadline in UTC.</summary>
    protected abstract DateTime DeadlineCore { get; }

    /// <summary>Gets the metadata the client sent.</summary>
    protected abstract Metadata RequestHeadersCore { get; }

    /// <summary>Gets the call's cancellation token.</summary>
    protected abstract CancellationToken CancellationTokenCore { get; }

    /// <summary>Gets the trailers that will be sent with the status.</summary>
    protected abstract Metadata ResponseTrailersCore { get; }

    /// <summary>Gets or sets the status to send.</summary>
    protected abstract Status StatusCore { get; set; }

    /// <summary>Gets or sets the options for writing response messages.</summary>
    protected abstract WriteOptions? WriteOptionsCore { get; set; }

    /// <summary>Gets the per-call user state; created on first use.</summary>
    protected virtual IDictionary<object, object> UserStateCore => _userState ??= [];

    /// <summary>Sends the response headers now; at most once, and before the first response message.</summary>
    /// <param name="responseHeaders">The headers to send.</param>
    /// <returns>A task that completes when the headers are written.</returns>
    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    /// <summary>Sends the response headers.</summary>
    /// <param name="responseHeaders">The headers to send.</param>
    /// <returns>A task that completes when the headers are written.</returns>
    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);
}
