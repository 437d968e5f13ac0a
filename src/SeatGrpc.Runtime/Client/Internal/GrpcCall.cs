using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// One client call of any kind, as one HTTP/2 request: starts it, reads the response messages, writes the
/// request messages of streaming calls, and ends it exactly once with a status — from the trailers, from
/// a Trailers-Only response, from the HTTP status, or from the client (deadline, cancellation, dispose,
/// framing errors). Ending it early cancels the HTTP/2 stream, so the server sees the reset.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : class
    where TResponse : class
{
    // Past this the timer cannot be armed; the server still receives the deadline in grpc-timeout.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(40);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly bool _compressRequests;
    private CancellationTokenRegistration _callerCancellation;
    private ITimer? _deadlineTimer;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private FramedMessageReader? _reader;
    private StreamingRequestContent? _requestContent;
    private FramedMessageWriter? _requestWriter;
    private Task<bool> _responseReady = Task.FromResult(false);
    private Status? _status;
    private Metadata? _trailers;
    private bool _writeInProgress;
    private bool _requestCompleted;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _compressRequests = channel.CompressRequests ||
            string.Equals(options.Headers?.GetValue(GrpcProtocol.RequestEncodingHeader), GrpcProtocol.GzipEncoding, StringComparison.Ordinal);
    }

    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    /// <summary>Starts a call with one request message (unary, server streaming).</summary>
    public void Start(TRequest request)
    {
        var writer = new FramedMessageWriter(_channel.MaxSendMessageSize, _compressRequests);
        ReadOnlyMemory<byte> message;
        try
        {
            message = writer.Frame(_method.RequestMarshaller.ContextualSerializer, request, NoCompress(_options.WriteOptions));
        }
        catch (RpcException ex)
        {
            writer.Dispose();
            Finish(ex.Status, Metadata.Empty, abort: false);
            return;
        }

        Start(new SingleMessageContent(writer, message));
    }

    /// <summary>Starts a call whose requests the caller writes (client streaming, duplex).</summary>
    public void StartStreaming()
    {
        _requestContent = new StreamingRequestContent();
        _requestWriter = new FramedMessageWriter(_channel.MaxSendMessageSize, _compressRequests);
        Start(_requestContent);
    }

    /// <summary>Reads the single response of a unary or client-streaming call, then the status.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var message = await ReadMessageOrEndAsync().ConfigureAwait(false);
        if (message is null)
        {
            var (status, trailers) = ReadTrailers();
            Finish(status.StatusCode == StatusCode.OK ? ClientStatuses.NoUnaryResponse : status, trailers, abort: false);
            throw CreateException();
        }

        if (await ReadMessageOrEndAsync().ConfigureAwait(false) is not null)
        {
            Finish(ClientStatuses.ExtraUnaryResponse, Metadata.Empty, abort: true);
        }

        FinishFromTrailers();
        return _status!.Value.StatusCode == StatusCode.OK ? message : throw CreateException();
    }

    /// <summary>Reads the next response message, or null when the response ended; throws on a non-OK end.</summary>
    public async Task<TResponse?> ReadMessageOrEndAsync()
    {
        if (!await _responseReady.ConfigureAwait(false) || _reader is null)
        {
            return CompletedOrThrow();
        }

        try
        {
            var message = await _reader.ReadAsync(_method.ResponseMarshaller.ContextualDeserializer, _cts.Token).ConfigureAwait(false);
            if (message is null)
            {
                await _reader.DisposeAsync().ConfigureAwait(false);
            }

            return message;
        }
        catch (RpcException ex)
        {
            Finish(ex.Status, Metadata.Empty, abort: true);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            Finish(ClientStatuses.ReadFailed(ex), Metadata.Empty, abort: true);
        }

        throw CreateException();
    }

    /// <summary>Ends the call with the status in the trailers (once the body has been read to its end).</summary>
    /// <returns>Null; the call ended with OK.</returns>
    public TResponse? FinishFromTrailers()
    {
        if (_status is null)
        {
            var (status, trailers) = ReadTrailers();
            Finish(status, trailers, abort: false);
        }

        return CompletedOrThrow();
    }

    public async Task WriteAsync(TRequest message, WriteOptions? writeOptions, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_status is { } status)
            {
                throw status.StatusCode == StatusCode.OK
                    ? new InvalidOperationException("Can't write the message because the call is complete.")
                    : CreateException();
            }

            if (_requestCompleted)
            {
                throw new InvalidOperationException("Can't write the message because the request stream is complete.");
            }

            if (_writeInProgress)
            {
                throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
            }

            _writeInProgress = true;
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(ClientStatuses.Cancelled), this)
            : default;
        try
        {
            var stream = await _requestContent!.Stream.WaitAsync(_cts.Token).ConfigureAwait(false);
            var framed = _requestWriter!.Frame(_method.RequestMarshaller.ContextualSerializer, message, NoCompress(writeOptions ?? _options.WriteOptions));
            await stream.WriteAsync(framed, _cts.Token).ConfigureAwait(false);
            await stream.FlushAsync(_cts.Token).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            // Serialization failed or the message is too large: that ends the call.
            Finish(ex.Status, Metadata.Empty, abort: true);
            throw CreateException();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // The call ended under the write; its status says why, if it is known yet.
            throw _status is null ? new RpcException(ClientStatuses.WriteFailed(ex)) : CreateException();
        }
        finally
        {
            lock (_lock)
            {
                _writeInProgress = false;
                if (_status is not null)
                {
                    _requestWriter!.Dispose();
                }
            }
        }
    }

    public Task CompleteRequestAsync()
    {
        lock (_lock)
        {
            if (_writeInProgress)
            {
                throw new InvalidOperationException("Can't complete the request stream because a write is in progress.");
            }

            _requestCompleted = true;
        }

        _requestContent!.Complete();
        return Task.CompletedTask;
    }

    public Status GetStatus() =>
        _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() =>
        _trailers ?? throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    /// <summary>Ends the call from the client side with the given status and resets the HTTP/2 stream.</summary>
    public void Cancel(Status status) => Finish(status, Metadata.Empty, abort: true);

    public void Dispose() => Finish(ClientStatuses.Disposed, Metadata.Empty, abort: true);

    private static bool NoCompress(WriteOptions? options) =>
        options is not null && (options.Flags & WriteFlags.NoCompress) != 0;

    private void Start(HttpContent content)
    {
        GrpcClientLog.CallStarting(_channel.Logger, _method.Type, _method.FullName);
        _request = CreateRequest(content);
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var timeout = (deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline) - DateTime.UtcNow;
            if (timeout <= TimeSpan.Zero)
            {
                Finish(ClientStatuses.DeadlineExceeded, Metadata.Empty, abort: false);
                return;
            }

            _request.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcProtocol.EncodeTimeout(timeout));
            if (timeout < MaxTimerDelay)
            {
                _deadlineTimer = TimeProvider.System.CreateTimer(
                    static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(ClientStatuses.DeadlineExceeded),
                    this,
                    timeout,
                    Timeout.InfiniteTimeSpan);
            }
        }

        if (_options.CancellationToken.CanBeCanceled)
        {
            // Runs at once if the token is already cancelled; the send below then fails fast.
            _callerCancellation = _options.CancellationToken.UnsafeRegister(
                static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(ClientStatuses.Cancelled),
                this);
        }

        _responseReady = SendAsync(_request);
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", GrpcProtocol.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.AcceptEncodingValue);
        if (_compressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);
        }

        if (_options.Headers is { Count: > 0 } metadata)
        {
            MetadataConverter.AddToRequest(headers, metadata);
        }

        return request;
    }

    /// <summary>Sends the request and checks the response headers; true if response messages may follow.</summary>
    private async Task<bool> SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await _channel.SendAsync(request, _cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A deadline or cancellation set the status before the send failed; anything else is the connection.
            Finish(ClientStatuses.ConnectionFailed(ex), Metadata.Empty, abort: true);
            return false;
        }

        lock (_lock)
        {
            if (_status is not null)
            {
                response.Dispose();
                return false;
            }

            _response = response;
        }

        var headers = MetadataConverter.FromHeaders(response.Headers);
        _headers.TrySetResult(headers);
        if (ValidateHeaders(response, headers) is { } status)
        {
            Finish(status, headers, abort: true);
            return false;
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false);
            var encoding = MetadataConverter.GetFirst(response.Headers, GrpcProtocol.EncodingHeader);
            _reader = new FramedMessageReader(body, _channel.MaxReceiveMessageSize, encoding);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            Finish(ClientStatuses.ReadFailed(ex), Metadata.Empty, abort: true);
            return false;
        }
    }

    /// <summary>Returns the status that ends the call at its headers: a bad HTTP status or content type, or a Trailers-Only response.</summary>
    private Status? ValidateHeaders(HttpResponseMessage response, Metadata headers)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ClientStatuses.BadHttpStatus((int)response.StatusCode);
        }

        if (ParseStatus(response.Headers) is { } trailersOnlyStatus)
        {
            // A unary response must hold a message: OK without one is a protocol error.
            var unaryResponse = _method.Type is MethodType.Unary or MethodType.ClientStreaming;
            return trailersOnlyStatus.StatusCode == StatusCode.OK && unaryResponse ? ClientStatuses.NoUnaryResponse : trailersOnlyStatus;
        }

        var contentType = MetadataConverter.GetFirst(response.Content.Headers, "content-type");
        return GrpcProtocol.IsGrpcContentType(contentType) ? null : ClientStatuses.BadContentType(contentType);
    }

    private (Status Status, Metadata Trailers) ReadTrailers()
    {
        if (_response is null)
        {
            return (ClientStatuses.MissingStatus, Metadata.Empty);
        }

        var trailers = _response.TrailingHeaders;
        return (ParseStatus(trailers) ?? ClientStatuses.MissingStatus, MetadataConverter.FromHeaders(trailers));
    }

    private static Status? ParseStatus(HttpHeaders headers)
    {
        var code = MetadataConverter.GetFirst(headers, GrpcProtocol.StatusHeader);
        if (code is null)
        {
            return null;
        }

        var message = MetadataConverter.GetFirst(headers, GrpcProtocol.MessageHeader);
        var detail = message is null ? string.Empty : GrpcProtocol.PercentDecode(message);
        return int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? new Status((StatusCode)value, detail)
            : new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{code}'. {detail}");
    }

    private TResponse? CompletedOrThrow() =>
        _status is { StatusCode: StatusCode.OK } ? null : throw CreateException();

    private RpcException CreateException()
    {
        var status = _status ?? throw new InvalidOperationException("The call has not ended.");
        return new RpcException(status, _trailers ?? Metadata.Empty);
    }

    /// <summary>Ends the call once: the first status wins, later ones are ignored.</summary>
    private void Finish(Status status, Metadata trailers, bool abort)
    {
        lock (_lock)
        {
            if (_status is not null)
            {
                return;
            }

            _status = status;
            _trailers = trailers;
        }

        if (abort)
        {
            _cts.Cancel();
        }

        if (_headers.TrySetException(new RpcException(status, trailers)))
        {
            // Mark as observed: callers that never ask for the headers must not raise UnobservedTaskException.
            _ = _headers.Task.Exception;
        }

        _deadlineTimer?.Dispose();
        _callerCancellation.Dispose();
        _requestContent?.Abort();
        _response?.Dispose();
        _request?.Dispose();
        lock (_lock)
        {
            if (!_writeInProgress)
            {
                _requestWriter?.Dispose();
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(_startTimestamp).TotalMilliseconds;
        if (status.StatusCode == StatusCode.OK)
        {
            GrpcClientLog.CallFinished(_channel.Logger, _method.FullName, status.StatusCode, elapsed);
        }
        else
        {
            GrpcClientLog.CallFailed(_channel.Logger, _method.FullName, status.StatusCode, elapsed, status.Detail);
        }
    }
}
