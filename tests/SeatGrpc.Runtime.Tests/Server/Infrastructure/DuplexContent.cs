using System.Net;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>A request body the test writes while the response is read, for client- and bidirectional streaming.</summary>
public sealed class DuplexContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Stream> GetStreamAsync() => _stream.Task.WaitAsync(TestTimeouts.Default);

    public async Task WriteAsync(byte[] frame)
    {
        var stream = await GetStreamAsync();
        await stream.WriteAsync(frame).AsTask().WaitAsync(TestTimeouts.Default);
        await stream.FlushAsync().WaitAsync(TestTimeouts.Default);
    }

    /// <summary>Ends the request stream (END_STREAM).</summary>
    public void Complete() => _completed.TrySetResult();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
