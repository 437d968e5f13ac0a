using System.Text;
using Grpc.Core;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>Metadata, trailers and error statuses against python3-grpcio.</summary>
[Collection(PythonEchoServerDefinition.Name)]
public sealed class PythonMetadataAndStatusTests(PythonEchoServerFixture server)
{
    private static readonly byte[] BinaryValue = [0, 1, 2, 0xFE, 0xFF, (byte)'=', 10];

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task AsciiAndBinaryMetadata_ComeBackAsHeadersAndTrailers()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var headers = new Metadata
        {
            { "x-test-echo-metadata", "1" },
            { "x-echo-text", "some value" },
            { "x-echo-data-bin", BinaryValue },
        };

        using var call = client.EchoAsync(new EchoRequest { Message = "m" }, headers);
        var responseHeaders = await call.ResponseHeadersAsync.WithTimeout();
        await call.ResponseAsync.WithTimeout();
        var trailers = call.GetTrailers();

        Assert.Equal("some value", responseHeaders.GetValue("x-echo-text"));
        Assert.Equal(BinaryValue, responseHeaders.GetValueBytes("x-echo-data-bin"));
        Assert.Equal("some value", trailers.GetValue("x-echo-trailer-text"));
        Assert.Equal(BinaryValue, trailers.GetValueBytes("x-echo-trailer-data-bin"));
        Assert.Null(trailers.Get("grpc-status"));
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task ErrorStatus_SurfacesCodePercentDecodedMessageAndDetails()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        const string message = "Plätze belegt: 100% ✓ — 席";
        var details = new byte[] { 8, 9, 18, 3, 0xE2, 0x9C, 0x93 };
        var headers = new Metadata
        {
            { "x-test-status", ((int)StatusCode.FailedPrecondition).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "x-test-message-bin", Encoding.UTF8.GetBytes(message) },
            { "x-test-details-bin", details },
        };

        using var call = client.EchoAsync(new EchoRequest(), headers);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
        Assert.Equal(details, error.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal(StatusCode.FailedPrecondition, call.GetStatus().StatusCode);
        Assert.Equal(details, call.GetTrailers().GetValueBytes("grpc-status-details-bin"));
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task ErrorAfterStreamedMessages_DeliversMessagesThenStatus()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var headers = new Metadata
        {
            { "x-test-status", ((int)StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "x-test-message-bin", Encoding.UTF8.GetBytes("quota") },
        };

        using var call = client.Expand(new ExpandRequest { Message = "m", Count = 2 }, headers);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("quota", error.Status.Detail);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task ClientStreamingError_FailsResponse()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var headers = new Metadata { { "x-test-status", ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture) } };

        using var call = client.Collect(headers);
        await call.RequestStream.WriteAsync(new CollectRequest { Message = "a" }).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task UnknownMethod_FailsWithUnimplemented()
    {
        using var channel = server.CreateChannel();
        var method = new Method<EchoRequest, EchoResponse>(
            MethodType.Unary, "grpc.testing.echo.v1.EchoService", "Missing", EchoMarshallers.Request, EchoMarshallers.Response);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, new EchoRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}

/// <summary>Protobuf marshallers for hand-built <see cref="Method{TRequest, TResponse}"/> objects.</summary>
internal static class EchoMarshallers
{
    public static readonly Marshaller<EchoRequest> Request = Marshallers.Create(
        (EchoRequest m, SerializationContext c) => c.Complete(Google.Protobuf.MessageExtensions.ToByteArray(m)),
        c => EchoRequest.Parser.ParseFrom(c.PayloadAsReadOnlySequence()));

    public static readonly Marshaller<EchoResponse> Response = Marshallers.Create(
        (EchoResponse m, SerializationContext c) => c.Complete(Google.Protobuf.MessageExtensions.ToByteArray(m)),
        c => EchoResponse.Parser.ParseFrom(c.PayloadAsReadOnlySequence()));
}
