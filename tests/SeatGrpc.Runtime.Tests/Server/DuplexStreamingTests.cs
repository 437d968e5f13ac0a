using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class DuplexStreamingTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    private const string Chat = GrpcTestClient.EchoService + "Chat";

    [Fact]
    public async Task Chat_AnswersEachMessageBeforeTheNextIsSent()
    {
        // Arrange
        var content = new DuplexContent();
        using var request = GrpcTestClient.CreateRequest(Chat, content);
        var sending = Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await content.WriteAsync(GrpcFrames.Frame(new ChatRequest { Message = "one" }));
        using var response = await sending.WaitAsync(TestTimeouts.Default);
        await using var body = await response.Content.ReadAsStreamAsync();

        // Act
        var first = await GrpcFrames.ReadFrameAsync(body);
        await content.WriteAsync(GrpcFrames.Frame(new ChatRequest { Message = "two" }));
        var second = await GrpcFrames.ReadFrameAsync(body);
        content.Complete();
        var end = await GrpcFrames.ReadFrameAsync(body);

        // Assert
        Assert.Equal("echo:one", ChatResponse.Parser.ParseFrom(first!.Value.Payload).Message);
        Assert.Equal("echo:two", ChatResponse.Parser.ParseFrom(second!.Value.Payload).Message);
        Assert.Null(end);
        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
    }

    [Fact]
    public async Task ErrorMidStream_EndsWithStatusAfterEarlierMessages()
    {
        // Arrange
        var body = GrpcFrames.Concat(
            GrpcFrames.Frame(new ChatRequest { Message = "a" }),
            GrpcFrames.Frame(new ChatRequest { Message = "fail" }),
            GrpcFrames.Frame(new ChatRequest { Message = "never" }));

        // Act
        var response = await Client.SendRawAsync(Chat, body);

        // Assert
        Assert.Equal("echo:a", ChatResponse.Parser.ParseFrom(Assert.Single(response.Frames).Payload).Message);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal(10, response.GrpcStatus);
        Assert.Equal("chat failed", response.GrpcMessage);
    }
}
