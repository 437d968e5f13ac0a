using Grpc.Core;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>Our client against python3-grpcio: one test per method kind.</summary>
[Collection(PythonEchoServerDefinition.Name)]
public sealed class PythonCallKindTests(PythonEchoServerFixture server)
{
    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task Unary_ReturnsEchoedMessage()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);

        using var call = client.EchoAsync(new EchoRequest { Message = "héllo" });
        var response = await call.ResponseAsync.WithTimeout();

        Assert.Equal("héllo", response.Message);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public void BlockingUnary_ReturnsEchoedMessage()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);

        var response = client.Echo(new EchoRequest { Message = "blocking" }, deadline: DateTime.UtcNow.AddSeconds(15));

        Assert.Equal("blocking", response.Message);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task ServerStreaming_ReturnsCountMessagesInOrder()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);

        using var call = client.Expand(new ExpandRequest { Message = "m", Count = 5 });
        var received = new List<string>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout())
        {
            received.Add(call.ResponseStream.Current.Message);
        }

        Assert.Equal(["m-0", "m-1", "m-2", "m-3", "m-4"], received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task ClientStreaming_JoinsAllRequests()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);

        using var call = client.Collect();
        foreach (var part in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new CollectRequest { Message = part }).WithTimeout();
        }

        await call.RequestStream.CompleteAsync().WithTimeout();
        var response = await call.ResponseAsync.WithTimeout();

        Assert.Equal("a,b,c", response.Message);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task Duplex_ReadsEachReplyBeforeWritingTheNextRequest()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);

        using var call = client.Chat();
        for (var i = 0; i < 3; i++)
        {
            // Each reply arrives while the request stream is still open: a true duplex exchange.
            await call.RequestStream.WriteAsync(new ChatRequest { Message = $"ping {i}" }).WithTimeout();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
            Assert.Equal($"ping {i}", call.ResponseStream.Current.Message);
        }

        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }
}
