using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The response stream of a server-streaming or duplex call. One read at a time.</summary>
internal sealed class HttpContentClientStreamReader<TRequest, TResponse> : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private readonly GrpcCall<TRequest, TResponse> _call;
    private TResponse? _current;
    private int _reading;

    public HttpContentClientStreamReader(GrpcCall<TRequest, TResponse> call)
    {
        _call = call;
    }

    public TResponse Current =>
        _current ?? throw new InvalidOperationException("No current message: call MoveNext first, and only use Current while it returns true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        try
        {
            // Cancelling a read cancels the call, as in the official client.
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(ClientStatuses.Cancelled), _call)
                : default;
            _current = await _call.ReadMessageOrEndAsync().ConfigureAwait(false) ?? _call.FinishFromTrailers();
            return _current is not null;
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }
}
