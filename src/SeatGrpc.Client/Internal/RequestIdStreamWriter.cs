using Grpc.Core;

namespace SeatGrpc.Client.Internal;

/// <summary>A request stream that gives each message a request id (see <see cref="RequestIds"/>) as it is written.</summary>
internal sealed class RequestIdStreamWriter<TRequest> : IClientStreamWriter<TRequest>
    where TRequest : class
{
    private readonly IClientStreamWriter<TRequest> _inner;

    public RequestIdStreamWriter(IClientStreamWriter<TRequest> inner)
    {
        _inner = inner;
    }

    public WriteOptions? WriteOptions
    {
        get => _inner.WriteOptions;
        set => _inner.WriteOptions = value;
    }

    public Task WriteAsync(TRequest message)
    {
        RequestIds.FillIfEmpty(message);
        return _inner.WriteAsync(message);
    }

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        RequestIds.FillIfEmpty(message);
        return _inner.WriteAsync(message, cancellationToken);
    }

    public Task CompleteAsync() => _inner.CompleteAsync();
}
