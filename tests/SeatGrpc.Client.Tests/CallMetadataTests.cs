using SeatGrpc.Client.Tests.Infrastructure;

namespace SeatGrpc.Client.Tests;

/// <summary>What every call carries: the bearer key, a deadline for unary calls, request ids for ManageSeats batches.</summary>
public sealed class CallMetadataTests : IAsyncLifetime
{
    private ScriptedServer? _server;

    private ScriptedSeatService Script => _server!.Service;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ApiKey_SentAsBearerOnUnaryAndStreamingCalls()
    {
        var client = _server!.Connect(o => o.ApiKey = "sk_test_123");

        await client.GetSeatAsync(new GetSeatRequest { Name = "seats/s1" }).ResponseAsync.WithTimeout();
        using (var call = client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = "subscriptions/a" }))
        {
            Script.EventCount = 1;
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        }

        Assert.All(Script.Attempts, a => Assert.Equal("Bearer sk_test_123", a.Authorization));
        Assert.Equal(2, Script.Attempts.Count);
    }

    [Fact]
    public async Task NoApiKey_NoAuthorizationHeader()
    {
        var client = _server!.Connect();

        await client.GetSeatAsync(new GetSeatRequest { Name = "seats/s1" }).ResponseAsync.WithTimeout();

        Assert.Null(Assert.Single(Script.Attempts).Authorization);
    }

    [Fact]
    public async Task UnaryCall_WithoutDeadline_GetsTheDefault()
    {
        var client = _server!.Connect(o => o.DefaultDeadline = TimeSpan.FromMinutes(3));
        var before = DateTime.UtcNow;

        await client.GetSeatAsync(new GetSeatRequest { Name = "seats/s1" }).ResponseAsync.WithTimeout();

        var deadline = Assert.Single(Script.Attempts).Deadline;
        Assert.InRange(deadline, before + TimeSpan.FromMinutes(2), DateTime.UtcNow + TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task UnaryCall_WithItsOwnDeadline_KeepsIt()
    {
        var client = _server!.Connect(o => o.DefaultDeadline = TimeSpan.FromMinutes(3));
        var mine = DateTime.UtcNow + TimeSpan.FromMinutes(30);

        await client.GetSeatAsync(new GetSeatRequest { Name = "seats/s1" }, deadline: mine).ResponseAsync.WithTimeout();

        Assert.InRange(Assert.Single(Script.Attempts).Deadline, mine - TimeSpan.FromMinutes(1), mine + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Stream_GetsNoDefaultDeadline()
    {
        var client = _server!.Connect(o => o.DefaultDeadline = TimeSpan.FromSeconds(5));
        Script.EventCount = 1;
        using var call = client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = "subscriptions/a" });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        Assert.Equal(DateTime.MaxValue, Assert.Single(Script.Attempts).Deadline);
    }

    [Fact]
    public async Task ManageSeats_EachBatchWithoutId_GetsOne()
    {
        var client = _server!.Connect();
        using var call = client.ManageSeats();
        var mine = new ManageSeatsRequest { Parent = "subscriptions/a", RequestId = "b7f1d7a4-3f0e-4a55-9a59-2f4f6c1e8d10" };
        var unnamed = new ManageSeatsRequest { Parent = "subscriptions/a" };

        await call.RequestStream.WriteAsync(unnamed).WithTimeout();
        await call.RequestStream.WriteAsync(mine).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        var answered = new List<string>();
        using var timeout = new CancellationTokenSource(TaskTimeoutExtensions.DefaultTimeout);
        await foreach (var response in call.ResponseStream.ReadAllAsync(timeout.Token))
        {
            answered.Add(response.RequestId);
        }

        Assert.True(Guid.TryParse(answered[0], out _), $"request_id '{answered[0]}' is not a UUID");
        Assert.Equal(unnamed.RequestId, answered[0]);
        Assert.Equal(mine.RequestId, answered[1]);
    }
}
