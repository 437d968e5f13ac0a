using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The request stream of a client-streaming or duplex call: each write goes to the wire as it is made.</summary>
internal sealed class HttpContentClientStreamWriter<TRequest, TResponse> : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private readonly GrpcCall<TRequest, TResponse> _call;

    public HttpContentClientStreamWriter(GrpcCall<TRequest, TResponse> call)
    {
        _call = call;
    }

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TRequest message) => _call.WriteAsync(message, WriteOptions, CancellationToken.None);

    /// <summary>Writes a message; cancelling the token cancels the call.</summary>
    public Task WriteAsync(TRequest message, CancellationToken cancellationToken) =>
        _call.WriteAsync(message, WriteOptions, cancellationToken);

    public Task CompleteAsync() => _call.CompleteRequestAsync();
}
