using System.Net;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// The request body of a client- or duplex-streaming call. The handler hands over its request stream,
/// the call's writer writes each message to it as the caller writes, and the body ends when the
/// caller completes the request stream (or the call ends).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
    }

    /// <summary>Gets the request stream, once the handler has started sending the body.</summary>
    public Task<Stream> Stream => _stream.Task;

    /// <summary>Ends the request body normally.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Ends the request body because the call ended; the handler resets the stream if it is still open.</summary>
    public void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        return _completed.Task;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
