using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class CancellationTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    [Fact]
    public async Task ClientCancelsUnary_HandlerTokenFires()
    {
        // Arrange
        using var cts = new CancellationTokenSource();
        using var request = GrpcTestClient.CreateRequest(GrpcTestClient.EchoService + "Echo", new ByteArrayContent(GrpcFrames.Frame(new EchoRequest { Message = "wait" })));
        var sending = Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        await WaitForHandlerAsync();

        // Act
        await cts.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TestTimeouts.Default));
        await Probe.HandlerCanceled.Task.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public async Task ClientResetsStream_StreamingHandlerTokenFires()
    {
        // Arrange
        using var request = GrpcTestClient.CreateRequest(GrpcTestClient.EchoService + "Expand", new ByteArrayContent(GrpcFrames.Frame(new ExpandRequest { Message = "wait", Count = 1 })));
        var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TestTimeouts.Default);
        var body = await response.Content.ReadAsStreamAsync();
        Assert.NotNull(await GrpcFrames.ReadFrameAsync(body));

        // Act
        await body.DisposeAsync();
        response.Dispose();

        // Assert
        await Probe.HandlerCanceled.Task.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public async Task ClientCancelsDuplex_HandlerTokenFires()
    {
        // Arrange
        using var cts = new CancellationTokenSource();
        var content = new DuplexContent();
        using var request = GrpcTestClient.CreateRequest(GrpcTestClient.EchoService + "Chat", content);
        var sending = Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        await content.WriteAsync(GrpcFrames.Frame(new ChatRequest { Message = "wait" }));
        await WaitForHandlerAsync();

        // Act
        await cts.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TestTimeouts.Default));
        await Probe.HandlerCanceled.Task.WaitAsync(TestTimeouts.Default);
    }

    private Task WaitForHandlerAsync() => Probe.HandlerWaiting.Task.WaitAsync(TestTimeouts.Default);
}
