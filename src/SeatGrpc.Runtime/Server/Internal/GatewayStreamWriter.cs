using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Hands a server-streaming handler's messages to another transport's write function.</summary>
/// <typeparam name="T">The response message type.</typeparam>
internal sealed class GatewayStreamWriter<T> : IServerStreamWriter<T>
    where T : class
{
    private readonly HttpServerCallContext _call;
    private readonly Func<object, CancellationToken, Task> _write;
    private bool _writing;
    private bool _completed;

    public GatewayStreamWriter(HttpServerCallContext call, Func<object, CancellationToken, Task> write)
    {
        _call = call;
        _write = write;
    }

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed || _call.DeadlineExpired)
        {
            throw new InvalidOperationException("Can't write the message because the call is complete.");
        }

        if (_writing)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is still in progress.");
        }

        return WriteCoreAsync(message, cancellationToken.CanBeCanceled ? cancellationToken : _call.CancellationToken);
    }

    /// <summary>Stops further writes once the handler has returned.</summary>
    public void Complete() => _completed = true;

    private async Task WriteCoreAsync(T message, CancellationToken cancellationToken)
    {
        _writing = true;
        try
        {
            await _write(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing = false;
        }
    }
}
