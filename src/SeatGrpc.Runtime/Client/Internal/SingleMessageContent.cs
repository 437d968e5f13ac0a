using System.Net;

namespace Grpc.Net.Client.Internal;

/// <summary>The request body of a unary or server-streaming call: one message, framed before the call starts.</summary>
internal sealed class SingleMessageContent : HttpContent
{
    private const int Idle = 0;
    private const int Writing = 1;
    private const int Disposed = 2;

    private readonly FramedMessageWriter _writer;
    private readonly ReadOnlyMemory<byte> _message;
    private int _state;

    public SingleMessageContent(FramedMessageWriter writer, ReadOnlyMemory<byte> message)
    {
        _writer = writer;
        _message = message;
        Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Interlocked.CompareExchange(ref _state, Writing, Idle) != Idle, this);
        try
        {
            await stream.WriteAsync(_message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Disposed mid-write (the call was aborted): the buffer goes back only now that nothing reads it.
            if (Interlocked.CompareExchange(ref _state, Idle, Writing) == Disposed)
            {
                _writer.Dispose();
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _message.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _state, Disposed) == Idle)
        {
            _writer.Dispose();
        }

        base.Dispose(disposing);
    }
}
