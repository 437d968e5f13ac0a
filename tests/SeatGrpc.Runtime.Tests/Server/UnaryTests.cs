using System.Net;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class UnaryTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    [Fact]
    public async Task Echo_ReturnsMessageAndOkTrailers()
    {
        // Arrange
        var request = new EchoRequest { Message = "hello" };

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal(0, response.GrpcStatus);
        Assert.Null(response.GrpcMessage);
        var frame = Assert.Single(response.Frames);
        Assert.Equal(0, frame.Flag);
        Assert.Equal("hello", EchoResponse.Parser.ParseFrom(frame.Payload).Message);
    }

    [Fact]
    public async Task EmptyMessage_RoundTripsAsZeroLengthFrame()
    {
        // Arrange
        var request = new EchoRequest();

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Empty(Assert.Single(response.Frames).Payload);
    }

    [Fact]
    public async Task GrpcProtoContentType_IsAccepted()
    {
        // Arrange
        var body = GrpcFrames.Frame(new EchoRequest { Message = "proto" });

        // Act
        var response = await Client.SendRawAsync(GrpcTestClient.EchoService + "Echo", body, contentType: "application/grpc+proto");

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("proto", response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task ServiceInstance_IsCreatedPerCallAndDisposed()
    {
        // Arrange
        var request = new EchoRequest { Message = "x" };

        // Act
        await Client.UnaryAsync("Echo", request);
        await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(2, Probe.Calls);
        Assert.Equal(2, Probe.Disposed);
    }

    [Fact]
    public async Task ConcurrentCalls_OverOneConnection_AllSucceed()
    {
        // Arrange
        var calls = Enumerable.Range(0, 50).Select(i => Client.UnaryAsync("Echo", new EchoRequest { Message = "m" + i }));

        // Act
        var responses = await Task.WhenAll(calls).WaitAsync(TestTimeouts.Default);

        // Assert
        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal(0, responses[i].GrpcStatus);
            Assert.Equal("m" + i, responses[i].Message(EchoResponse.Parser).Message);
        }
    }

    [Fact]
    public async Task CallCompletion_IsLoggedAtDebugWithMethodAndStatus()
    {
        // Arrange
        var request = new EchoRequest { Message = "log" };

        // Act
        await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Contains(Fixture.Logs.Entries, e => e.EventId.Id == 1 && e.Message.Contains("/grpc.testing.echo.v1.EchoService/Echo completed with OK", StringComparison.Ordinal));
        Assert.DoesNotContain(Fixture.Logs.Entries, e => e.Message.Contains("\"log\"", StringComparison.Ordinal));
    }
}
