using Grpc.Core;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Fakes;

namespace SeatGrpc.Runtime.Tests;

public sealed class ServerServiceDefinitionTests
{
    [Fact]
    public void GeneratedBindService_Definition_BindsFourMethodKindsInOrder()
    {
        var definition = EchoService.BindService(new EchoServiceImpl());
        var binder = new RecordingServiceBinder();

        definition.BindService(binder);

        Assert.Equal(
            [
                ("/grpc.testing.echo.v1.EchoService/Echo", MethodType.Unary),
                ("/grpc.testing.echo.v1.EchoService/Expand", MethodType.ServerStreaming),
                ("/grpc.testing.echo.v1.EchoService/Collect", MethodType.ClientStreaming),
                ("/grpc.testing.echo.v1.EchoService/Chat", MethodType.DuplexStreaming),
            ],
            binder.Methods.Select(m => (m.Method.FullName, m.Method.Type)).ToArray());
    }

    [Fact]
    public void GeneratedBindService_Definition_PassesHandlersOfTheMatchingDelegateType()
    {
        var definition = EchoService.BindService(new EchoServiceImpl());
        var binder = new RecordingServiceBinder();

        definition.BindService(binder);

        var handlers = binder.Methods.Select(m => m.Handler).ToArray();
        Assert.IsType<UnaryServerMethod<EchoRequest, EchoResponse>>(handlers[0]);
        Assert.IsType<ServerStreamingServerMethod<ExpandRequest, ExpandResponse>>(handlers[1]);
        Assert.IsType<ClientStreamingServerMethod<CollectRequest, CollectResponse>>(handlers[2]);
        Assert.IsType<DuplexStreamingServerMethod<ChatRequest, ChatResponse>>(handlers[3]);
    }

    [Fact]
    public async Task BoundUnaryHandler_Invoked_CallsServiceImplementation()
    {
        var binder = new RecordingServiceBinder();
        EchoService.BindService(new EchoServiceImpl()).BindService(binder);
        var handler = (UnaryServerMethod<EchoRequest, EchoResponse>)binder.Methods[0].Handler!;

        var response = await handler(new EchoRequest { Message = "ping" }, null!);

        Assert.Equal("ping", response.Message);
    }

    [Fact]
    public void BoundStubHandler_NotOverridden_ThrowsUnimplemented()
    {
        var binder = new RecordingServiceBinder();
        EchoService.BindService(new EchoServiceImpl()).BindService(binder);
        var handler = (ServerStreamingServerMethod<ExpandRequest, ExpandResponse>)binder.Methods[1].Handler!;

        // The generated stub throws synchronously, before any task exists.
        var exception = Assert.Throws<RpcException>(() => { _ = handler(new ExpandRequest(), null!, null!); });

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    [Fact]
    public void GeneratedBinderOverload_NullService_BindsMethodsWithoutHandlers()
    {
        var binder = new RecordingServiceBinder();

        EchoService.BindService(binder, null);

        Assert.Equal(4, binder.Methods.Count);
        Assert.All(binder.Methods, m => Assert.Null(m.Handler));
    }

    [Fact]
    public void Builder_SameMethodTwice_Throws()
    {
        var method = new Method<string, string>(MethodType.Unary, "pkg.Svc", "Call", Marshallers.StringMarshaller, Marshallers.StringMarshaller);
        UnaryServerMethod<string, string> handler = (request, _) => Task.FromResult(request);
        var builder = ServerServiceDefinition.CreateBuilder().AddMethod(method, handler);

        Assert.Throws<ArgumentException>(() => builder.AddMethod(method, handler));
    }

    [Fact]
    public void BindServiceMethodAttribute_OnGeneratedBase_NamesBindService()
    {
        var attribute = (BindServiceMethodAttribute)Attribute.GetCustomAttribute(
            typeof(EchoService.EchoServiceBase), typeof(BindServiceMethodAttribute))!;

        Assert.Equal(typeof(EchoService), attribute.BindType);
        Assert.Equal("BindService", attribute.BindMethodName);
    }
}
