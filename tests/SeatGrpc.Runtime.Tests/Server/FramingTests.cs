using System.Net;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class FramingTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    private const string Echo = GrpcTestClient.EchoService + "Echo";

    [Fact]
    public async Task TruncatedFrame_IsInternal()
    {
        // Arrange
        var body = GrpcFrames.Frame([1, 2, 3], declaredLength: 10);

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Equal(13, response.GrpcStatus);
        Assert.Equal("Incomplete message.", response.GrpcMessage);
        Assert.Equal(0, Probe.Calls);
    }

    [Fact]
    public async Task TruncatedHeader_IsInternal()
    {
        // Arrange
        var body = new byte[] { 0, 0, 0 };

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Equal(13, response.GrpcStatus);
        Assert.Equal("Incomplete message.", response.GrpcMessage);
    }

    [Fact]
    public async Task SecondMessageInUnary_IsInternal()
    {
        // Arrange
        var frame = GrpcFrames.Frame(new EchoRequest { Message = "a" });
        var body = GrpcFrames.Concat(frame, frame);

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Equal(13, response.GrpcStatus);
        Assert.Equal("Additional data after the message received.", response.GrpcMessage);
        Assert.Equal(0, Probe.Calls);
    }

    [Fact]
    public async Task SecondMessageInServerStreaming_IsInternal()
    {
        // Arrange
        var frame = GrpcFrames.Frame(new ExpandRequest { Message = "a", Count = 1 });

        // Act
        var response = await Client.SendRawAsync(GrpcTestClient.EchoService + "Expand", GrpcFrames.Concat(frame, frame));

        // Assert
        Assert.Equal(13, response.GrpcStatus);
        Assert.Empty(response.Frames);
    }

    [Fact]
    public async Task EmptyUnaryBody_IsInternal()
    {
        // Arrange / Act
        var response = await Client.SendRawAsync(Echo, []);

        // Assert
        Assert.Equal(13, response.GrpcStatus);
        Assert.Equal("Request did not contain a message.", response.GrpcMessage);
    }

    [Fact]
    public async Task UnparseableMessage_IsInternal()
    {
        // Arrange
        var body = GrpcFrames.Frame([0x0A, 0xFF, 0xFF, 0xFF]);

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Equal(13, response.GrpcStatus);
        Assert.Equal("Failed to deserialize the request message.", response.GrpcMessage);
        Assert.Equal(0, Probe.Calls);
    }

    [Fact]
    public async Task InvalidCompressedFlag_IsInternal()
    {
        // Arrange
        var body = GrpcFrames.Frame([], flag: 2);

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Equal(13, response.GrpcStatus);
    }

    [Fact]
    public async Task MessageOverFourMebibytes_IsResourceExhaustedWithoutReadingIt()
    {
        // Arrange: only the prefix announces 4 MiB + 1; the payload never comes.
        var body = GrpcFrames.Frame([], declaredLength: (4 * 1024 * 1024) + 1);

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Equal(8, response.GrpcStatus);
        Assert.Equal("Received message exceeds the maximum configured message size.", response.GrpcMessage);
    }

    [Fact]
    public async Task MessageOfExactlyFourMebibytes_IsAccepted()
    {
        // Arrange: a string field of 4 MiB minus its tag and length prefix.
        var text = new string('a', (4 * 1024 * 1024) - 5);
        var message = new EchoRequest { Message = text };
        Assert.Equal(4 * 1024 * 1024, message.CalculateSize());

        // Act
        var response = await Client.SendRawAsync(Echo, GrpcFrames.Frame(message));

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(text.Length, response.Message(EchoResponse.Parser).Message.Length);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/grpc-web")]
    [InlineData("text/plain")]
    public async Task WrongContentType_Is415WithGrpcStatus(string contentType)
    {
        // Arrange
        var body = GrpcFrames.Frame(new EchoRequest { Message = "x" });

        // Act
        var response = await Client.SendRawAsync(Echo, body, contentType: contentType);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal(13, response.GrpcStatus);
        Assert.StartsWith("Content-Type '", response.GrpcMessage, StringComparison.Ordinal);
        Assert.Equal(0, Probe.Calls);
    }

    [Fact]
    public async Task Http1Request_IsRefusedClearly()
    {
        // Arrange
        using var client = GrpcServerFixture.CreateClient(Fixture.Http1Address, HttpVersion.Version11);

        // Act
        var response = await client.SendRawAsync(Echo, GrpcFrames.Frame(new EchoRequest { Message = "x" }));

        // Assert
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.HttpStatus);
        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("HTTP/2", response.GrpcMessage, StringComparison.Ordinal);
        Assert.Equal(0, Probe.Calls);
    }
}
