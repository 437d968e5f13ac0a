using Grpc.Core;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Fakes;

namespace SeatGrpc.Runtime.Tests;

public sealed class ClientTests
{
    [Fact]
    public async Task GeneratedClient_AsyncUnary_PassesMethodNullHostAndOptions()
    {
        var invoker = new RecordingCallInvoker(new EchoResponse { Message = "pong" });
        var client = new EchoService.EchoServiceClient(invoker);
        var headers = new Metadata { { "k", "v" } };
        var request = new EchoRequest { Message = "ping" };

        var response = await client.EchoAsync(request, headers);

        Assert.Equal("pong", response.Message);
        Assert.Equal("/grpc.testing.echo.v1.EchoService/Echo", invoker.LastMethod!.FullName);
        Assert.Null(invoker.LastHost);
        Assert.Same(headers, invoker.LastOptions.Headers);
        Assert.Same(request, invoker.LastRequest);
    }

    [Fact]
    public void GeneratedClient_BlockingUnary_ReturnsInvokerResponse()
    {
        var invoker = new RecordingCallInvoker(new EchoResponse { Message = "pong" });
        var client = new EchoService.EchoServiceClient(invoker);

        var response = client.Echo(new EchoRequest());

        Assert.Equal("pong", response.Message);
        Assert.Equal(MethodType.Unary, invoker.LastMethod!.Type);
    }

    [Fact]
    public void GeneratedClient_FromChannel_UsesChannelInvoker()
    {
        var channel = new FixedChannel(new RecordingCallInvoker(new EchoResponse { Message = "via channel" }));
        var client = new EchoService.EchoServiceClient(channel);

        var response = client.Echo(new EchoRequest());

        Assert.Equal("via channel", response.Message);
    }

    [Fact]
    public async Task AsyncUnaryCall_StateConstructor_PassesStateToDelegates()
    {
        var state = new CallStateProbe();
        using var call = new AsyncUnaryCall<string>(
            Task.FromResult("r"),
            s => Task.FromResult(((CallStateProbe)s).Headers),
            s => ((CallStateProbe)s).Status,
            s => ((CallStateProbe)s).Trailers,
            s => ((CallStateProbe)s).Disposed = true,
            state);

        var status = call.GetStatus();
        var trailers = call.GetTrailers();
        var headers = await call.ResponseHeadersAsync;
        call.Dispose();

        Assert.Equal(StatusCode.DataLoss, status.StatusCode);
        Assert.Same(state.Trailers, trailers);
        Assert.Same(state.Headers, headers);
        Assert.True(state.Disposed);
    }

    [Fact]
    public async Task AsyncClientStreamingCall_Awaited_ReturnsResponse()
    {
        var disposed = false;
        using var call = new AsyncClientStreamingCall<string, string>(
            new NullClientStreamWriter(),
            Task.FromResult("done"),
            Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess,
            () => new Metadata(),
            () => disposed = true);

        var response = await call;
        call.Dispose();

        Assert.Equal("done", response);
        Assert.True(disposed);
    }

    private sealed class CallStateProbe
    {
        public Metadata Headers { get; } = new();

        public Metadata Trailers { get; } = new();

        public Status Status { get; } = new(StatusCode.DataLoss, "lost");

        public bool Disposed { get; set; }
    }

    private sealed class FixedChannel(CallInvoker invoker) : ChannelBase("test://fixed")
    {
        public override CallInvoker CreateCallInvoker() => invoker;
    }

    private sealed class NullClientStreamWriter : IClientStreamWriter<string>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task CompleteAsync() => Task.CompletedTask;

        public Task WriteAsync(string message) => Task.CompletedTask;
    }
}
