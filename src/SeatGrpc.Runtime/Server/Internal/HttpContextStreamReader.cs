using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>The request stream of a client- or bidirectional-streaming call, read frame by frame from the request pipe.</summary>
/// <typeparam name="T">The request message type.</typeparam>
internal sealed class HttpContextStreamReader<T> : IAsyncStreamReader<T>
    where T : class
{
    private readonly HttpServerCallContext _call;
    private readonly Func<DeserializationContext, T> _deserializer;
    private T? _current;
    private bool _reading;
    private bool _ended;
    private bool _completed;

    public HttpContextStreamReader(HttpServerCallContext call, Func<DeserializationContext, T> deserializer)
    {
        _call = call;
        _deserializer = deserializer;
    }

    public T Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_completed)
        {
            throw new InvalidOperationException("Can't read messages after the call is complete.");
        }

        if (_reading)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        if (_ended)
        {
            _current = null;
            return Task.FromResult(false);
        }

        return MoveNextCoreAsync(cancellationToken);
    }

    /// <summary>Stops further reads once the handler has returned.</summary>
    public void Complete() => _completed = true;

    private async Task<bool> MoveNextCoreAsync(CancellationToken cancellationToken)
    {
        _reading = true;
        try
        {
            var callToken = _call.CancellationToken;
            if (!cancellationToken.CanBeCanceled || cancellationToken == callToken)
            {
                _current = await GrpcMessageReader.ReadStreamMessageAsync(_call, _deserializer, callToken).ConfigureAwait(false);
            }
            else
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callToken);
                _current = await GrpcMessageReader.ReadStreamMessageAsync(_call, _deserializer, linked.Token).ConfigureAwait(false);
            }

            _ended = _current is null;
            return !_ended;
        }
        finally
        {
            _reading = false;
        }
    }
}
