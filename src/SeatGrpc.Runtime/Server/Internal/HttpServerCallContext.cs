using System.Diagnostics;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// The state of one call over a Kestrel request: what <see cref="ServerCallContext"/> exposes, and how the
/// response is written (headers, messages, status as trailers or Trailers-Only) exactly once. Request
/// metadata, trailers and the serialization contexts are created only when used. When the call has a
/// deadline, every response write holds the deadline's lock, so the deadline's own response cannot interleave.
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IAsyncDisposable
{
    private readonly IMethod _method;
    private readonly long _startTimestamp;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Status _status = Status.DefaultSuccess;
    private WriteOptions? _writeOptions;
    private ServerCallDeadline? _deadline;
    private DateTime _deadlineTime = DateTime.MaxValue;
    private PipeDeserializationContext? _deserializationContext;
    private PipeSerializationContext? _serializationContext;
    private bool _responseStarted;
    private bool _responseClosed;
    private StatusCode _finalStatus = StatusCode.OK;

    public HttpServerCallContext(HttpContext httpContext, IMethod method, ServiceCallSettings settings)
    {
        HttpContext = httpContext;
        _method = method;
        Settings = settings;
        _startTimestamp = settings.Logger.IsEnabled(LogLevel.Debug) ? Stopwatch.GetTimestamp() : 0;
    }

    public HttpContext HttpContext { get; }

    public ServiceCallSettings Settings { get; }

    public string MethodName => _method.FullName;

    /// <summary>Gets the request's message encoding (gzip, deflate), or null for identity.</summary>
    public string? RequestEncoding { get; private set; }

    /// <summary>Gets the encoding applied to response messages, or null for none.</summary>
    public string? ResponseEncoding { get; private set; }

    public int? MaxReceiveMessageSize => Settings.MaxReceiveMessageSize;

    public PipeDeserializationContext DeserializationContext => _deserializationContext ??= new PipeDeserializationContext();

    public bool DeadlineExpired => _deadline?.IsExpired == true;

    protected override string MethodCore => _method.FullName;

    protected override string HostCore => HttpContext.Request.Host.Value ?? string.Empty;

    protected override string PeerCore => FormatPeer(HttpContext.Connection);

    protected override DateTime DeadlineCore => _deadlineTime;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= MetadataHeaders.FromRequestHeaders(HttpContext.Request.Headers);

    protected override CancellationToken CancellationTokenCore => _deadline?.Token ?? HttpContext.RequestAborted;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= [];

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _writeOptions;
        set => _writeOptions = value;
    }

    /// <summary>Reads the call's headers: encodings and deadline.</summary>
    /// <param name="forGateway">True when another transport runs the call: only the deadline applies.</param>
    /// <returns>A status that ends the call before its handler runs, or null.</returns>
    public Status? Initialize(bool forGateway)
    {
        var headers = HttpContext.Request.Headers;
        if (!forGateway)
        {
            var encodingError = ReadEncodings(headers);
            if (encodingError is not null)
            {
                return encodingError;
            }
        }

        var timeout = headers.GrpcTimeout;
        if (timeout.Count == 0)
        {
            return null;
        }

        var timeoutText = timeout.ToString();
        if (!GrpcTimeout.TryParse(timeoutText, out var duration))
        {
            ServerLog.InvalidTimeout(Settings.Logger, MethodName, timeoutText);
            return null;
        }

        var now = DateTime.UtcNow;
        _deadlineTime = duration >= DateTime.MaxValue - now ? DateTime.MaxValue : now + duration;
        if (duration <= TimeSpan.Zero)
        {
            _finalStatus = StatusCode.DeadlineExceeded;
            return ProtocolErrors.DeadlineExceeded;
        }

        _deadline = new ServerCallDeadline(this, duration, HttpContext.RequestAborted);
        return null;
    }

    /// <summary>Answers a request that failed before its handler ran, Trailers-Only.</summary>
    /// <param name="status">The status.</param>
    public void WriteEarlyError(Status status)
    {
        _responseClosed = true;
        WriteStatus(status, null);
    }

    /// <summary>Writes a unary or client-streaming response and its status, without flushing in between.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="response">The response the handler returned.</param>
    /// <param name="serializer">The response marshaller's serializer.</param>
    /// <returns>A task that completes when the response is buffered.</returns>
    public ValueTask WriteSingleResponseAsync<T>(T response, Action<T, SerializationContext> serializer)
        where T : class
    {
        if (_deadline is null)
        {
            WriteSingleResponse(response, serializer);
            return ValueTask.CompletedTask;
        }

        return WriteSingleResponseLockedAsync(response, serializer);
    }

    /// <summary>Writes one message of a streaming response.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="serializer">The response marshaller's serializer.</param>
    /// <param name="options">The writer's options, or null for the call's.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the message is flushed (or buffered, with <see cref="WriteFlags.BufferHint"/>).</returns>
    public async Task WriteStreamMessageAsync<T>(T message, Action<T, SerializationContext> serializer, WriteOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        var token = cancellationToken.CanBeCanceled ? cancellationToken : CancellationToken;
        var writeLock = _deadline?.WriteLock;
        if (writeLock is not null)
        {
            await writeLock.WaitAsync(token).ConfigureAwait(false);
        }

        try
        {
            if (_responseClosed)
            {
                throw new InvalidOperationException("Can't write the message because the call is complete.");
            }

            CancellationToken.ThrowIfCancellationRequested();
            EnsureResponseHeaders();
            var flags = (options ?? _writeOptions)?.Flags ?? default;
            WriteMessage(message, serializer, compress: (flags & WriteFlags.NoCompress) == 0);
            if ((flags & WriteFlags.BufferHint) == 0)
            {
                var result = await HttpContext.Response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException(token);
                }
            }
        }
        finally
        {
            writeLock?.Release();
        }
    }

    /// <summary>Ends a call whose handler completed: sends its status (and its trailers).</summary>
    /// <returns>A task that completes when the status is buffered.</returns>
    public ValueTask EndCallAsync()
    {
        if (_deadline is null)
        {
            EndCall();
            return ValueTask.CompletedTask;
        }

        return EndCallLockedAsync();
    }

    /// <summary>Ends a call whose handler threw, unless the response is already complete.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>A task that completes when the status is buffered.</returns>
    public async ValueTask EndCallWithErrorAsync(Exception exception)
    {
        var writeLock = _deadline?.WriteLock;
        if (writeLock is not null)
        {
            await writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (_responseClosed)
            {
                ServerLog.HandlerExceptionAfterEnd(Settings.Logger, MethodName, exception);
                return;
            }

            _responseClosed = true;
            var status = ServerErrorMapper.ToStatus(exception, this, out var trailers);
            WriteStatus(status, trailers);
        }
        finally
        {
            writeLock?.Release();
        }
    }

    /// <summary>Maps an exception of a call run by another transport into the <see cref="RpcException"/> it must throw.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The exception to throw.</returns>
    public RpcException ToGatewayException(Exception exception)
    {
        _responseClosed = true;
        var status = ServerErrorMapper.ToStatus(exception, this, out var trailers);
        _finalStatus = status.StatusCode;
        if (exception is RpcException rpcException && rpcException.Status.StatusCode == status.StatusCode && _responseTrailers is not { Count: > 0 })
        {
            return rpcException;
        }

        return new RpcException(status, MergeTrailers(trailers));
    }

    /// <summary>Checks the outcome of a gateway call whose handler returned normally.</summary>
    public void CompleteGatewayCall()
    {
        _responseClosed = true;
        if (DeadlineExpired)
        {
            throw ProtocolErrors.DeadlineExceeded.ToException();
        }

        if (_status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(_status, MergeTrailers(null));
        }
    }

    /// <summary>Answers DEADLINE_EXCEEDED at once, if the response is not already complete; called by the deadline timer.</summary>
    /// <returns>A task that completes when the response is complete.</returns>
    public async Task DeadlineExceededAsync()
    {
        var writeLock = _deadline!.WriteLock;
        await writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            ServerLog.DeadlineExceeded(Settings.Logger, MethodName, _deadlineTime);
            if (_responseClosed)
            {
                return;
            }

            _responseClosed = true;
            WriteStatus(ProtocolErrors.DeadlineExceeded, null);
            try
            {
                await HttpContext.Response.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
            {
                ServerLog.DeadlineResetStream(Settings.Logger, MethodName, ex);
                HttpContext.Features.Get<IHttpResetFeature>()?.Reset(GrpcProtocol.CancelResetErrorCode);
            }
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_deadline is not null)
        {
            await _deadline.DisposeAsync().ConfigureAwait(false);
        }

        if (_startTimestamp != 0)
        {
            var elapsed = Stopwatch.GetElapsedTime(_startTimestamp);
            ServerLog.CallCompleted(Settings.Logger, MethodName, _finalStatus, elapsed.TotalMilliseconds);
        }
    }

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        return WriteResponseHeadersCoreAsync(responseHeaders);
    }

    private async Task WriteResponseHeadersCoreAsync(Metadata responseHeaders)
    {
        var writeLock = _deadline?.WriteLock;
        if (writeLock is not null)
        {
            await writeLock.WaitAsync(CancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (_responseStarted || _responseClosed || HttpContext.Response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
            }

            MetadataHeaders.AppendTo(HttpContext.Response.Headers, responseHeaders);
            EnsureResponseHeaders();
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeLock?.Release();
        }
    }

    private static string FormatPeer(ConnectionInfo connection) =>
        connection.RemoteIpAddress switch
        {
            null => "unknown",
            { AddressFamily: AddressFamily.InterNetworkV6 } address => $"ipv6:[{address}]:{connection.RemotePort}",
            var address => $"ipv4:{address}:{connection.RemotePort}",
        };

    private Status? ReadEncodings(IHeaderDictionary headers)
    {
        var encoding = headers.GrpcEncoding;
        if (encoding.Count > 0)
        {
            var value = encoding.ToString();
            if (MessageCompression.IsSupported(value))
            {
                RequestEncoding = value;
            }
            else if (value != GrpcProtocol.IdentityEncoding)
            {
                ServerLog.UnsupportedEncoding(Settings.Logger, MethodName, value);
                HttpContext.Response.Headers.GrpcAcceptEncoding = GrpcProtocol.SupportedEncodingsValue;
                return ProtocolErrors.UnsupportedEncoding(value);
            }
        }

        var algorithm = Settings.ResponseCompressionAlgorithm;
        if (algorithm is not null && AcceptsEncoding(headers.GrpcAcceptEncoding, algorithm))
        {
            ResponseEncoding = algorithm;
        }

        return null;
    }

    private static bool AcceptsEncoding(Microsoft.Extensions.Primitives.StringValues accepted, string encoding)
    {
        foreach (var value in accepted)
        {
            foreach (var range in (value ?? string.Empty).AsSpan().Split(','))
            {
                if (value.AsSpan()[range].Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private async ValueTask WriteSingleResponseLockedAsync<T>(T response, Action<T, SerializationContext> serializer)
        where T : class
    {
        await _deadline!.WriteLock.WaitAsync().ConfigureAwait(false);
        try
        {
            WriteSingleResponse(response, serializer);
        }
        finally
        {
            _deadline.WriteLock.Release();
        }
    }

    private void WriteSingleResponse<T>(T response, Action<T, SerializationContext> serializer)
        where T : class
    {
        if (!TryCloseResponse())
        {
            return;
        }

        if (_status.StatusCode == StatusCode.OK)
        {
            EnsureResponseHeaders();
            var flags = _writeOptions?.Flags ?? default;
            try
            {
                WriteMessage(response, serializer, compress: (flags & WriteFlags.NoCompress) == 0);
            }
            catch
            {
                // Not closed after all: the caller reports the serialization failure as the call's status.
                _responseClosed = false;
                throw;
            }
        }

        WriteStatus(_status, null);
    }

    private async ValueTask EndCallLockedAsync()
    {
        await _deadline!.WriteLock.WaitAsync().ConfigureAwait(false);
        try
        {
            EndCall();
        }
        finally
        {
            _deadline.WriteLock.Release();
        }
    }

    private void EndCall()
    {
        if (TryCloseResponse())
        {
            WriteStatus(_status, null);
        }
    }

    // Claims the response for the handler's outcome; false when the deadline or the client ended it first.
    private bool TryCloseResponse()
    {
        if (_responseClosed)
        {
            ServerLog.LateResultDropped(Settings.Logger, MethodName);
            return false;
        }

        _responseClosed = true;
        if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            ServerLog.CanceledByClient(Settings.Logger, MethodName);
            _finalStatus = StatusCode.Cancelled;
            return false;
        }

        return true;
    }

    private void EnsureResponseHeaders()
    {
        if (_responseStarted)
        {
            return;
        }

        var headers = HttpContext.Response.Headers;
        headers.ContentType = GrpcProtocol.ContentTypeValue;
        if (ResponseEncoding is not null)
        {
            headers.GrpcEncoding = ResponseEncoding;
        }

        _responseStarted = true;
    }

    private void WriteMessage<T>(T message, Action<T, SerializationContext> serializer, bool compress)
        where T : class
    {
        var context = _serializationContext ??= new PipeSerializationContext();
        context.Start(
            HttpContext.Response.BodyWriter,
            compress ? ResponseEncoding : null,
            Settings.MaxSendMessageSize,
            Settings.ResponseCompressionLevel);
        serializer(message, context);
        context.Finish();
    }

    private void WriteStatus(Status status, Metadata? extraTrailers)
    {
        _finalStatus = status.StatusCode;
        var response = HttpContext.Response;
        IHeaderDictionary target;
        if (!_responseStarted && !response.HasStarted)
        {
            // Trailers-Only: the status travels in the only HEADERS frame, which ends the stream.
            target = response.Headers;
            target.ContentType = GrpcProtocol.ContentTypeValue;
            _responseStarted = true;
        }
        else
        {
            target = HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
                ?? throw new InvalidOperationException("The response does not support trailers; gRPC requires HTTP/2.");
        }

        target.GrpcStatus = GrpcProtocol.StatusValue(status.StatusCode);
        if (status.Detail.Length > 0)
        {
            target.GrpcMessage = PercentEncoding.Encode(status.Detail);
        }

        if (_responseTrailers is { Count: > 0 })
        {
            MetadataHeaders.AppendTo(target, _responseTrailers);
        }

        if (extraTrailers is { Count: > 0 })
        {
            MetadataHeaders.AppendTo(target, extraTrailers);
        }
    }

    private Metadata MergeTrailers(Metadata? extra)
    {
        var merged = new Metadata();
        foreach (var entry in (IEnumerable<Metadata.Entry>?)_responseTrailers ?? [])
        {
            merged.Add(entry);
        }

        foreach (var entry in (IEnumerable<Metadata.Entry>?)extra ?? [])
        {
            merged.Add(entry);
        }

        return merged;
    }
}
