using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class MetadataTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    [Fact]
    public async Task RequestHeaders_ExposeCustomAndBinaryMetadata()
    {
        // Arrange
        var headers = new[]
        {
            ("x-custom", "value"),
            ("x-padded-bin", "AQID"),
            ("x-unpadded-bin", "AQI"),
            ("x-padded2-bin", "AQI="),
            ("user-agent", "raw-test/1.0"),
        };

        // Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "headers" }, headers);

        // Assert
        var seen = response.Message(EchoResponse.Parser).Message.Split(';');
        Assert.Contains("x-custom=value", seen);
        Assert.Contains("x-padded-bin=010203", seen);
        Assert.Contains("x-unpadded-bin=0102", seen);
        Assert.Contains("x-padded2-bin=0102", seen);
        Assert.Contains("user-agent=raw-test/1.0", seen);
    }

    [Fact]
    public async Task RequestHeaders_LeaveOutTransportHeaders()
    {
        // Arrange
        var headers = new[] { ("grpc-timeout", "10S"), ("grpc-accept-encoding", "gzip"), ("grpc-encoding", "identity") };

        // Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "headers" }, headers);

        // Assert
        var keys = response.Message(EchoResponse.Parser).Message.Split(';').Select(p => p.Split('=')[0]).ToList();
        Assert.DoesNotContain("content-type", keys);
        Assert.DoesNotContain("te", keys);
        Assert.DoesNotContain("grpc-timeout", keys);
        Assert.DoesNotContain("grpc-accept-encoding", keys);
        Assert.DoesNotContain("grpc-encoding", keys);
        Assert.DoesNotContain("host", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith(':'));
    }

    [Fact]
    public async Task WriteResponseHeaders_SendsHeadersAndTrailersWithBinaryUnpadded()
    {
        // Arrange
        var request = new EchoRequest { Message = "headers" };

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("h", response.Header("x-response-header"));
        Assert.Equal("AQID", response.Header("x-response-bin"));
        Assert.Equal("t", response.Trailer("x-trailer"));
        Assert.Equal("//4", response.Trailer("x-trailer-bin"));
        Assert.Single(response.Frames);
    }
}
