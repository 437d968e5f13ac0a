using Grpc.Core;
using Grpc.Net.Client;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>gzip and many calls on one connection against python3-grpcio.</summary>
[Collection(PythonEchoServerDefinition.Name)]
public sealed class PythonCompressionAndConcurrencyTests(PythonEchoServerFixture server)
{
    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task GzipResponse_IsDecompressed()
    {
        var recorder = new ResponseHeaderRecorder(new SocketsHttpHandler());
        using var channel = server.CreateChannel(new GrpcChannelOptions { HttpHandler = recorder, DisposeHttpClient = true });
        var client = PythonEchoServerFixture.CreateClient(channel);
        var message = new string('x', 64 * 1024);

        var response = await client.EchoAsync(new EchoRequest { Message = message }, new Metadata { { "x-test-gzip", "1" } }).ResponseAsync.WithTimeout();

        Assert.Equal(message, response.Message);
        Assert.Equal("gzip", recorder.LastEncoding);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task GzipRequests_AreAcceptedByServer()
    {
        using var channel = server.CreateChannel(new GrpcChannelOptions { CompressRequests = true });
        var client = PythonEchoServerFixture.CreateClient(channel);
        var message = new string('y', 64 * 1024);

        using var call = client.Collect();
        await call.RequestStream.WriteAsync(new CollectRequest { Message = message }).WithTimeout();
        await call.RequestStream.WriteAsync(new CollectRequest { Message = "z" }).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();

        Assert.Equal(message + ",z", (await call.ResponseAsync.WithTimeout()).Message);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task ResponseOverReceiveLimit_FailsWithResourceExhausted()
    {
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });
        var client = PythonEchoServerFixture.CreateClient(channel);

        using var call = client.EchoAsync(new EchoRequest { Message = new string('x', 2048) });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task HundredConcurrentCalls_AllSucceedOverOneConnection()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var headers = new Metadata { { "x-test-peer", "1" }, { "x-test-sleep-ms", "200" } };

        var calls = new Task<EchoResponse>[100];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = client.EchoAsync(new EchoRequest(), headers).ResponseAsync;
        }

        var responses = await Task.WhenAll(calls).WithTimeout(TimeSpan.FromSeconds(30));

        // The server reports each caller's address: one client port means one connection.
        var peers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in responses)
        {
            peers.Add(response.Message);
        }

        Assert.Single(peers);
    }

    private sealed class ResponseHeaderRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public string? LastEncoding { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            LastEncoding = response.Headers.TryGetValues("grpc-encoding", out var values) ? string.Join(",", values) : null;
            return response;
        }
    }
}
