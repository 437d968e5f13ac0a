using System.Net;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using SeatGrpc.Runtime.Server.Internal;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class ErrorTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    [Fact]
    public async Task HandlerException_IsUnknownWithoutItsTextAndLogged()
    {
        // Arrange
        var request = new EchoRequest { Message = "throw" };

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(2, response.GrpcStatus);
        Assert.Equal("Exception was thrown by handler.", response.GrpcMessage);
        var error = Assert.Single(Fixture.Logs.TakeErrors());
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(TestEchoService.Secret, error.Exception?.Message);
    }

    [Fact]
    public async Task RpcException_SendsItsStatusTrailersAndDetails()
    {
        // Arrange
        var request = new EchoRequest { Message = "rpc" };

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(5, response.GrpcStatus);
        Assert.Equal("thing not found", response.GrpcMessage);
        Assert.Equal("c", response.Trailer("x-custom"));
        var detailsHeader = response.Trailer("grpc-status-details-bin");
        Assert.NotNull(detailsHeader);
        Assert.True(MetadataHeaders.TryDecodeBinary(detailsHeader, out var bytes));
        var status = Google.Rpc.Status.Parser.ParseFrom(bytes);
        Assert.Equal((int)Code.NotFound, status.Code);
        Assert.Equal("seats.v1", status.GetDetail<ErrorInfo>()?.Domain);
    }

    [Fact]
    public async Task StatusMessage_IsPercentEncoded()
    {
        // Arrange
        var request = new EchoRequest { Message = "unicode" };

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(3, response.GrpcStatus);
        Assert.Equal("bad %C3%BCn%C3%AFcode %25 100%0A", response.GrpcMessage);
    }

    [Fact]
    public async Task StatusSetOnContext_IsSentWithoutTheResponse()
    {
        // Arrange
        var request = new EchoRequest { Message = "status" };

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(9, response.GrpcStatus);
        Assert.Equal("precondition", response.GrpcMessage);
        Assert.Equal("t", response.Trailer("x-trailer"));
        Assert.Empty(response.Frames);
    }

    [Fact]
    public void RpcStatusHelpers_RoundTripThroughTrailers()
    {
        // Arrange
        var status = new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = "no seats" };

        // Act
        var exception = status.ToRpcException();

        // Assert
        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal("no seats", exception.Status.Detail);
        Assert.Equal(status, exception.GetRpcStatus());
    }
}
