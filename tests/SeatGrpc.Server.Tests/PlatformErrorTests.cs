using Google.Protobuf;
using Google.Rpc;
using Grpc.Net.Client;

namespace SeatGrpc.Server.Tests;

/// <summary>
/// The statuses Grpc.AspNetCore answers by itself carry an ErrorInfo like the service's own errors (SPEC.md section 4),
/// on the built server.
/// </summary>
public sealed class PlatformErrorTests : IClassFixture<ServerProcessFixture>
{
    private readonly ServerProcessFixture _server;

    public PlatformErrorTests(ServerProcessFixture server)
    {
        _server = server;
    }

    [Fact]
    public async Task UnknownMethod_UnimplementedWithErrorInfo()
    {
        using var channel = TestKeys.Channel(_server.Process.GrpcUri);
        var method = new Method<GetSeatRequest, GetSeatResponse>(
            MethodType.Unary, "seats.v1.SeatService", "NoSuchMethod", Marshallers.Create(m => m.ToByteArray(), GetSeatRequest.Parser.ParseFrom), Marshallers.Create(m => m.ToByteArray(), GetSeatResponse.Parser.ParseFrom));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), new GetSeatRequest { Name = "seats/x" }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("METHOD_NOT_FOUND", Info(error).Reason);
    }

    [Fact]
    public async Task MessageOver4MiB_ResourceExhaustedWithErrorInfo()
    {
        using var channel = TestKeys.Channel(_server.Process.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetSeatAsync(new GetSeatRequest { Name = "seats/" + new string('x', 5 * 1024 * 1024) }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var info = Info(error);
        Assert.Equal("MESSAGE_TOO_LARGE", info.Reason);
        Assert.Equal("seats.v1", info.Domain);
    }

    private static ErrorInfo Info(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<ErrorInfo>() ?? throw new Xunit.Sdk.XunitException($"No ErrorInfo in {error.Status}.");
}
