using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class MethodCatalogTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    private GrpcMethodCatalog Catalog => Fixture.Services.GetRequiredService<GrpcMethodCatalog>();

    [Fact]
    public void Catalog_ListsEveryMappedMethodWithDescriptor()
    {
        // Arrange / Act
        var methods = Catalog.Methods;

        // Assert
        Assert.Equal(["Echo", "Expand", "Collect", "Chat"], methods.Select(m => m.Method.Name));
        Assert.All(methods, m => Assert.Equal(m.Method.Name, m.Descriptor?.Name));
        Assert.Equal(typeof(EchoRequest), Catalog.Find("grpc.testing.echo.v1.EchoService/Echo")?.RequestType);
        Assert.Null(Catalog.Find("/grpc.testing.echo.v1.EchoService/Nope"));
    }

    [Fact]
    public async Task InvokeUnary_RunsTheHandlerWithHeadersAsMetadata()
    {
        // Arrange
        await using var scope = Fixture.Services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        httpContext.Request.Headers["x-custom"] = "v";
        httpContext.Request.Headers["x-data-bin"] = "AQI";

        // Act
        var response = (EchoResponse)await Find("Echo").InvokeUnaryAsync(httpContext, new EchoRequest { Message = "headers" }).WaitAsync(TestTimeouts.Default);

        // Assert
        Assert.Contains("x-custom=v", response.Message.Split(';'));
        Assert.Contains("x-data-bin=0102", response.Message.Split(';'));
        Assert.Equal("h", httpContext.Response.Headers["x-response-header"]);
        Assert.Equal(1, Probe.Disposed);
    }

    [Fact]
    public async Task InvokeUnary_HandlerException_IsUnknownRpcExceptionAndLogged()
    {
        // Arrange
        await using var scope = Fixture.Services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };

        // Act
        var ex = await Assert.ThrowsAsync<RpcException>(() => Find("Echo").InvokeUnaryAsync(httpContext, new EchoRequest { Message = "throw" }).WaitAsync(TestTimeouts.Default));

        // Assert
        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal("Exception was thrown by handler.", ex.Status.Detail);
        Assert.Single(Fixture.Logs.TakeErrors());
    }

    [Fact]
    public async Task InvokeUnary_RpcException_KeepsStatusAndDetails()
    {
        // Arrange
        await using var scope = Fixture.Services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };

        // Act
        var ex = await Assert.ThrowsAsync<RpcException>(() => Find("Echo").InvokeUnaryAsync(httpContext, new EchoRequest { Message = "rpc" }).WaitAsync(TestTimeouts.Default));

        // Assert
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("thing not found", ex.GetRpcStatus()?.Message);
    }

    [Fact]
    public async Task InvokeUnary_GrpcTimeout_IsDeadlineExceeded()
    {
        // Arrange
        await using var scope = Fixture.Services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        httpContext.Request.Headers["grpc-timeout"] = "50m";

        // Act
        var ex = await Assert.ThrowsAsync<RpcException>(() => Find("Echo").InvokeUnaryAsync(httpContext, new EchoRequest { Message = "wait" }).WaitAsync(TestTimeouts.Default));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(Probe.HandlerCanceled.Task.IsCompleted);
    }

    [Fact]
    public async Task InvokeServerStreaming_WritesEachMessage()
    {
        // Arrange
        await using var scope = Fixture.Services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var written = new List<string>();

        // Act
        await Find("Expand").InvokeServerStreamingAsync(
            httpContext,
            new ExpandRequest { Message = "s", Count = 3 },
            (message, _) =>
            {
                written.Add(((ExpandResponse)message).Message);
                return Task.CompletedTask;
            }).WaitAsync(TestTimeouts.Default);

        // Assert
        Assert.Equal(["s0", "s1", "s2"], written);
    }

    [Fact]
    public async Task InvokeUnary_OnStreamingMethod_IsUnimplementedRpcException()
    {
        // Arrange
        var httpContext = new DefaultHttpContext { RequestServices = Fixture.Services };

        // Act
        var ex = await Assert.ThrowsAsync<RpcException>(() => Find("Chat").InvokeUnaryAsync(httpContext, new ChatRequest()));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    private GrpcMethodEntry Find(string name) => Catalog.Find(GrpcTestClient.EchoService + name)!;
}
