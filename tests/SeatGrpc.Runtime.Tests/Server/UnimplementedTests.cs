using System.Net;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class UnimplementedTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    [Fact]
    public async Task UnknownService_IsUnimplemented()
    {
        // Arrange
        var body = GrpcFrames.Frame(new EchoRequest { Message = "x" });

        // Act
        var response = await Client.SendRawAsync("/no.such.Service/Method", body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(12, response.GrpcStatus);
        Assert.Equal("Service is unimplemented.", response.GrpcMessage);
    }

    [Fact]
    public async Task UnknownMethodOfKnownService_IsUnimplemented()
    {
        // Arrange
        var body = GrpcFrames.Frame(new EchoRequest { Message = "x" });

        // Act
        var response = await Client.SendRawAsync(GrpcTestClient.EchoService + "Nope", body);

        // Assert
        Assert.Equal(12, response.GrpcStatus);
        Assert.Equal("Method is unimplemented.", response.GrpcMessage);
    }

    [Fact]
    public async Task NonGrpcRequest_ToUnknownPath_StaysNotFound()
    {
        // Arrange
        var body = new byte[] { 1 };

        // Act
        var response = await Client.SendRawAsync("/no.such.Service/Method", body, contentType: "application/json");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.HttpStatus);
        Assert.Null(response.GrpcStatus);
    }
}
