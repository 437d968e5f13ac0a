using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class ServerStreamingTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    [Fact]
    public async Task Expand_WritesEachMessageThenOk()
    {
        // Arrange
        var request = new ExpandRequest { Message = "m", Count = 3 };

        // Act
        var response = await Client.UnaryAsync("Expand", request);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal(["m0", "m1", "m2"], response.Frames.Select(f => ExpandResponse.Parser.ParseFrom(f.Payload).Message));
    }

    [Fact]
    public async Task NoMessages_IsTrailersOnlyOk()
    {
        // Arrange
        var request = new ExpandRequest { Message = "m", Count = 0 };

        // Act
        var response = await Client.UnaryAsync("Expand", request);

        // Assert
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(0, response.GrpcStatus);
        Assert.Empty(response.Frames);
    }

    [Fact]
    public async Task ErrorAfterMessages_SendsMessagesThenStatusInTrailers()
    {
        // Arrange
        var request = new ExpandRequest { Message = "fail", Count = 2 };

        // Act
        var response = await Client.UnaryAsync("Expand", request);

        // Assert
        Assert.Equal(2, response.Frames.Count);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal(10, response.GrpcStatus);
        Assert.Equal("expand failed", response.GrpcMessage);
    }

    [Fact]
    public async Task MessagesArriveBeforeTheCallEnds()
    {
        // Arrange
        using var request = GrpcTestClient.CreateRequest(GrpcTestClient.EchoService + "Expand", new ByteArrayContent(GrpcFrames.Frame(new ExpandRequest { Message = "wait", Count = 1 })));

        // Act
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TestTimeouts.Default);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = await GrpcFrames.ReadFrameAsync(body);

        // Assert
        Assert.NotNull(first);
        Assert.Equal("wait0", ExpandResponse.Parser.ParseFrom(first.Value.Payload).Message);
        Assert.False(Probe.HandlerCanceled.Task.IsCompleted);
    }
}
