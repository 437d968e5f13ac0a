using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>The response stream of a server- or bidirectional-streaming call; each message is flushed unless buffered.</summary>
/// <typeparam name="T">The response message type.</typeparam>
internal sealed class HttpContextStreamWriter<T> : IServerStreamWriter<T>
    where T : class
{
    private readonly HttpServerCallContext _call;
    private readonly Action<T, SerializationContext> _serializer;
    private bool _writing;
    private bool _completed;

    public HttpContextStreamWriter(HttpServerCallContext call, Action<T, SerializationContext> serializer)
    {
        _call = call;
        _serializer = serializer;
    }

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("Can't write the message because the call is complete.");
        }

        if (_writing)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is still in progress.");
        }

        return WriteCoreAsync(message, cancellationToken);
    }

    /// <summary>Stops further writes once the handler has returned.</summary>
    public void Complete() => _completed = true;

    private async Task WriteCoreAsync(T message, CancellationToken cancellationToken)
    {
        _writing = true;
        try
        {
            await _call.WriteStreamMessageAsync(message, _serializer, WriteOptions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing = false;
        }
    }
}
