using Grpc.AspNetCore.Server;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class DetailedErrorTests(DetailedErrorTests.DetailedErrorsFixture fixture) : GrpcTestBase<DetailedErrorTests.DetailedErrorsFixture>(fixture)
{
    [Fact]
    public async Task EnableDetailedErrors_IncludesTheExceptionMessage()
    {
        // Arrange
        var request = new EchoRequest { Message = "throw" };

        // Act
        var response = await Client.UnaryAsync("Echo", request);

        // Assert
        Assert.Equal(2, response.GrpcStatus);
        Assert.Equal($"Exception was thrown by handler. InvalidOperationException: {TestEchoService.Secret}", response.GrpcMessage);
        Assert.Single(Fixture.Logs.TakeErrors());
    }

    public sealed class DetailedErrorsFixture : GrpcServerFixture
    {
        protected override void ConfigureGrpc(GrpcServiceOptions options) => options.EnableDetailedErrors = true;
    }
}
