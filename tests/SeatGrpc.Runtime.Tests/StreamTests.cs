using Grpc.Core;
using SeatGrpc.Runtime.Tests.Fakes;

namespace SeatGrpc.Runtime.Tests;

public sealed class StreamTests
{
    [Fact]
    public async Task ReadAllAsync_Reader_YieldsEveryMessageInOrder()
    {
        var reader = new ListStreamReader<string>(["a", "b", "c"]);
        var read = new List<string>();

        await foreach (var item in reader.ReadAllAsync())
        {
            read.Add(item);
        }

        Assert.Equal(["a", "b", "c"], read);
    }

    [Fact]
    public async Task ReadAllAsync_Cancelled_Throws()
    {
        var reader = new ListStreamReader<string>(["a"]);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in reader.ReadAllAsync(cts.Token))
            {
                Assert.Fail("No message should be read after cancellation.");
            }
        });
    }

    [Fact]
    public void ReadAllAsync_NullReader_ThrowsImmediately()
    {
        IAsyncStreamReader<string> reader = null!;

        Assert.Throws<ArgumentNullException>(() => reader.ReadAllAsync());
    }

    [Fact]
    public async Task WriteAsyncWithToken_CancellableTokenOnDefaultImplementation_Throws()
    {
        IAsyncStreamWriter<string> writer = new CountingWriter();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAsync<NotSupportedException>(() => writer.WriteAsync("x", cts.Token));
    }

    [Fact]
    public async Task WriteAsyncWithToken_NoneToken_WritesThroughDefaultImplementation()
    {
        var counting = new CountingWriter();
        IAsyncStreamWriter<string> writer = counting;

        await writer.WriteAsync("x", CancellationToken.None);

        Assert.Equal(1, counting.Writes);
    }

    private sealed class CountingWriter : IServerStreamWriter<string>
    {
        public int Writes { get; private set; }

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(string message)
        {
            Writes++;
            return Task.CompletedTask;
        }
    }
}
