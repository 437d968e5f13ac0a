using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class ClientStreamingTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    private const string Collect = GrpcTestClient.EchoService + "Collect";

    [Fact]
    public async Task Collect_JoinsAllMessages()
    {
        // Arrange
        var body = GrpcFrames.Concat(
            GrpcFrames.Frame(new CollectRequest { Message = "a" }),
            GrpcFrames.Frame(new CollectRequest { Message = "b" }),
            GrpcFrames.Frame(new CollectRequest { Message = "c" }));

        // Act
        var response = await Client.SendRawAsync(Collect, body);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("a,b,c", response.Message(CollectResponse.Parser).Message);
    }

    [Fact]
    public async Task NoMessages_HandlerSeesEndOfStream()
    {
        // Arrange
        var body = Array.Empty<byte>();

        // Act
        var response = await Client.SendRawAsync(Collect, body);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(string.Empty, response.Message(CollectResponse.Parser).Message);
    }

    [Fact]
    public async Task MessagesSentOverTime_AreReadAsTheyArrive()
    {
        // Arrange
        var content = new DuplexContent();
        using var request = GrpcTestClient.CreateRequest(Collect, content);
        var sending = Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        // Act
        await content.WriteAsync(GrpcFrames.Frame(new CollectRequest { Message = "x" }));
        await Task.Delay(50);
        await content.WriteAsync(GrpcFrames.Frame(new CollectRequest { Message = "y" }));
        content.Complete();
        using var response = await sending.WaitAsync(TestTimeouts.Default);
        var result = await GrpcTestClient.ReadAsync(response);

        // Assert
        Assert.Equal(0, result.GrpcStatus);
        Assert.Equal("x,y", result.Message(CollectResponse.Parser).Message);
    }

    [Fact]
    public async Task HandlerError_IsTrailersOnlyStatus()
    {
        // Arrange
        var body = GrpcFrames.Concat(
            GrpcFrames.Frame(new CollectRequest { Message = "a" }),
            GrpcFrames.Frame(new CollectRequest { Message = "fail" }));

        // Act
        var response = await Client.SendRawAsync(Collect, body);

        // Assert
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(3, response.GrpcStatus);
        Assert.Equal("collect failed", response.GrpcMessage);
        Assert.Empty(response.Frames);
    }
}
