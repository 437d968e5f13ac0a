using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class InterceptorTests(InterceptorTests.InterceptorFixture fixture) : GrpcTestBase<InterceptorTests.InterceptorFixture>(fixture)
{
    private static readonly string[] ExpectedOrder =
        ["outer:before", "inner:before", "handler", "disposed", "inner:after", "outer:after", "outer:disposed", "inner:disposed"];

    [Fact]
    public async Task Unary_InterceptorsRunInOrderAroundTheHandler()
    {
        // Arrange / Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "x" });

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(ExpectedOrder, Probe.Events);
    }

    [Fact]
    public async Task ServerStreaming_InterceptorsRunInOrder()
    {
        // Arrange / Act
        var response = await Client.UnaryAsync("Expand", new ExpandRequest { Message = "m", Count = 2 });

        // Assert
        Assert.Equal(2, response.Frames.Count);
        Assert.Equal(ExpectedOrder, Probe.Events);
    }

    [Fact]
    public async Task ClientStreaming_InterceptorsRunInOrder()
    {
        // Arrange / Act
        var response = await Client.SendRawAsync(GrpcTestClient.EchoService + "Collect", GrpcFrames.Frame(new CollectRequest { Message = "a" }));

        // Assert
        Assert.Equal("a", response.Message(CollectResponse.Parser).Message);
        Assert.Equal(ExpectedOrder, Probe.Events);
    }

    [Fact]
    public async Task DuplexStreaming_InterceptorsRunInOrder()
    {
        // Arrange / Act
        var response = await Client.SendRawAsync(GrpcTestClient.EchoService + "Chat", GrpcFrames.Frame(new ChatRequest { Message = "a" }));

        // Assert
        Assert.Single(response.Frames);
        Assert.Equal(ExpectedOrder, Probe.Events);
    }

    [Fact]
    public async Task AuthInterceptor_RejectsBeforeTheHandler()
    {
        // Arrange / Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "x" }, ("x-deny", "1"));

        // Assert
        Assert.Equal(16, response.GrpcStatus);
        Assert.Equal("denied", response.GrpcMessage);
        Assert.Equal(0, Probe.Calls);
    }

    [Fact]
    public async Task CatalogInvocation_RunsTheSameInterceptors()
    {
        // Arrange
        var entry = Fixture.Services.GetRequiredService<GrpcMethodCatalog>().Find("/grpc.testing.echo.v1.EchoService/Echo")!;
        await using var scope = Fixture.Services.CreateAsyncScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        httpContext.Request.Headers["x-deny"] = "1";

        // Act
        var ex = await Assert.ThrowsAsync<RpcException>(() => entry.InvokeUnaryAsync(httpContext, new EchoRequest { Message = "x" }).WaitAsync(TestTimeouts.Default));

        // Assert
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal(["outer:before", "inner:before", "outer:disposed", "inner:disposed"], Probe.Events);
    }

    public sealed class InterceptorFixture : GrpcServerFixture
    {
        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<DenyInterceptor>();

        protected override void ConfigureGrpc(GrpcServiceOptions options)
        {
            options.Interceptors.Add<RecordingInterceptor>("outer");
            options.Interceptors.Add<RecordingInterceptor>("inner");
            options.Interceptors.Add<DenyInterceptor>();
        }
    }
}
