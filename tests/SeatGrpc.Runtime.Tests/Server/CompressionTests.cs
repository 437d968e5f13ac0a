using Google.Protobuf;
using Grpc.AspNetCore.Server;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class CompressionTests(CompressionTests.GzipResponseFixture fixture) : GrpcTestBase<CompressionTests.GzipResponseFixture>(fixture)
{
    private const string Echo = GrpcTestClient.EchoService + "Echo";

    [Fact]
    public async Task GzipRequest_IsDecompressed()
    {
        // Arrange
        var payload = new EchoRequest { Message = "zipped" }.ToByteArray();
        var body = GrpcFrames.Frame(GrpcFrames.Gzip(payload), flag: 1);

        // Act
        var response = await Client.SendRawAsync(Echo, body, [("grpc-encoding", "gzip")]);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("zipped", response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task DeflateRequest_IsDecompressed()
    {
        // Arrange
        var payload = new EchoRequest { Message = "deflated" }.ToByteArray();
        var body = GrpcFrames.Frame(GrpcFrames.Deflate(payload), flag: 1);

        // Act
        var response = await Client.SendRawAsync(Echo, body, [("grpc-encoding", "deflate")]);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("deflated", response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task UncompressedMessage_WithGzipEncoding_IsAccepted()
    {
        // Arrange
        var body = GrpcFrames.Frame(new EchoRequest { Message = "plain" });

        // Act
        var response = await Client.SendRawAsync(Echo, body, [("grpc-encoding", "gzip")]);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("plain", response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task UnsupportedEncoding_IsUnimplementedListingSupportedEncodings()
    {
        // Arrange
        var body = GrpcFrames.Frame([1, 2, 3], flag: 1);

        // Act
        var response = await Client.SendRawAsync(Echo, body, [("grpc-encoding", "snappy")]);

        // Assert
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(12, response.GrpcStatus);
        Assert.Contains("snappy", response.GrpcMessage, StringComparison.Ordinal);
        Assert.Equal("identity,gzip,deflate", response.Header("grpc-accept-encoding"));
        Assert.Equal(0, Probe.Calls);
    }

    [Fact]
    public async Task CompressedFlagWithoutEncoding_IsInternal()
    {
        // Arrange
        var body = GrpcFrames.Frame(GrpcFrames.Gzip(new EchoRequest { Message = "x" }.ToByteArray()), flag: 1);

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Equal(13, response.GrpcStatus);
    }

    [Fact]
    public async Task DecompressedPastTheLimit_IsResourceExhausted()
    {
        // Arrange: 5 MiB of zeros compress to a few KiB.
        var bomb = GrpcFrames.Gzip(new EchoRequest { Message = new string('\0', 5 * 1024 * 1024) }.ToByteArray());
        var body = GrpcFrames.Frame(bomb, flag: 1);

        // Act
        var response = await Client.SendRawAsync(Echo, body, [("grpc-encoding", "gzip")]);

        // Assert
        Assert.True(bomb.Length < 100_000);
        Assert.Equal(8, response.GrpcStatus);
    }

    [Fact]
    public async Task ClientAcceptingGzip_GetsCompressedResponse()
    {
        // Arrange
        var body = GrpcFrames.Frame(new EchoRequest { Message = "big" });

        // Act
        var response = await Client.SendRawAsync(Echo, body, [("grpc-accept-encoding", "identity, gzip")]);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        var frame = Assert.Single(response.Frames);
        Assert.Equal(1, frame.Flag);
        Assert.Equal(new string('x', 2048), EchoResponse.Parser.ParseFrom(GrpcFrames.Gunzip(frame.Payload)).Message);
    }

    [Fact]
    public async Task ClientNotAcceptingGzip_GetsPlainResponse()
    {
        // Arrange
        var body = GrpcFrames.Frame(new EchoRequest { Message = "big" });

        // Act
        var response = await Client.SendRawAsync(Echo, body);

        // Assert
        Assert.Null(response.Header("grpc-encoding"));
        Assert.Equal(0, Assert.Single(response.Frames).Flag);
    }

    public sealed class GzipResponseFixture : GrpcServerFixture
    {
        protected override void ConfigureGrpc(GrpcServiceOptions options) => options.ResponseCompressionAlgorithm = "gzip";
    }
}
