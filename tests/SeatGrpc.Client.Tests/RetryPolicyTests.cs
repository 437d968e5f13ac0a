using SeatGrpc.Client.Tests.Infrastructure;

namespace SeatGrpc.Client.Tests;

/// <summary>
/// Which failures the client retries and which it hands back, seen from a scripted server: writes are retried on
/// UNAVAILABLE and on ABORTED with reason CONTENTION, each attempt with the one request id; any other ABORTED is not;
/// reads retry on UNAVAILABLE; streams never.
/// </summary>
public sealed class RetryPolicyTests : IAsyncLifetime
{
    private ScriptedServer? _server;

    private ScriptedSeatService Script => _server!.Service;

    private SeatService.SeatServiceClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedServer.StartAsync();
        Client = _server.Connect(o => o.InitialBackoff = TimeSpan.FromMilliseconds(20));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Write_AbortedContention_RetriedUntilAppliedWithOneRequestId()
    {
        Script.Fail("AssignSeat", StatusCode.Aborted, "CONTENTION");
        Script.Fail("AssignSeat", StatusCode.Aborted, "CONTENTION");
        var request = new AssignSeatRequest { Parent = "subscriptions/a", Email = "a@example.com" };

        var response = await Client.AssignSeatAsync(request).ResponseAsync.WithTimeout();

        Assert.Equal("seats/s1", response.Seat.Name);
        var attempts = Script.AttemptsOf("AssignSeat").ToList();
        Assert.Equal(3, attempts.Count);
        Assert.True(Guid.TryParse(attempts[0].RequestId, out _), $"request_id '{attempts[0].RequestId}' is not a UUID");
        Assert.All(attempts, a => Assert.Equal(attempts[0].RequestId, a.RequestId));

        // The id is written into the caller's message, so sending it again is replayed too.
        Assert.Equal(attempts[0].RequestId, request.RequestId);
    }

    [Fact]
    public async Task Write_AbortedEtagMismatch_NotRetried()
    {
        Script.Fail("RevokeSeat", StatusCode.Aborted, "ETAG_MISMATCH");

        await RpcStatusAssert.FailsAsync(
            () => Client.RevokeSeatAsync(new RevokeSeatRequest { Name = "seats/s1", Etag = "\"7\"" }).ResponseAsync, StatusCode.Aborted, "ETAG_MISMATCH");

        Assert.Single(Script.AttemptsOf("RevokeSeat"));
    }

    [Fact]
    public async Task Write_Unavailable_RetriedWithOneRequestId()
    {
        Script.Fail("RevokeSeat", StatusCode.Unavailable);

        await Client.RevokeSeatAsync(new RevokeSeatRequest { Name = "seats/s1" }).ResponseAsync.WithTimeout();

        var attempts = Script.AttemptsOf("RevokeSeat").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.NotEmpty(attempts[0].RequestId);
        Assert.Equal(attempts[0].RequestId, attempts[1].RequestId);
    }

    [Fact]
    public async Task Write_CallersOwnRequestId_SentUnchanged()
    {
        const string Mine = "5d8e2b7c-9a41-4c1e-8f0a-1b2c3d4e5f60";

        await Client.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/a", Email = "a@example.com", RequestId = Mine }).ResponseAsync.WithTimeout();

        Assert.Equal(Mine, Assert.Single(Script.AttemptsOf("AssignSeat")).RequestId);
    }

    [Fact]
    public async Task Write_EachNewMessage_GetsItsOwnRequestId()
    {
        await Client.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/a", Email = "a@example.com" }).ResponseAsync.WithTimeout();
        await Client.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/a", Email = "b@example.com" }).ResponseAsync.WithTimeout();

        var ids = Script.AttemptsOf("AssignSeat").Select(a => a.RequestId).ToList();
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task Read_Unavailable_Retried()
    {
        Script.Fail("GetSeat", StatusCode.Unavailable);
        Script.Fail("GetSeat", StatusCode.Unavailable);

        var response = await Client.GetSeatAsync(new GetSeatRequest { Name = "seats/s1" }).ResponseAsync.WithTimeout();

        Assert.Equal("seats/s1", response.Seat.Name);
        Assert.Equal(3, Script.AttemptsOf("GetSeat").Count());
    }

    [Fact]
    public async Task Write_UnavailableOnEveryAttempt_FailsAfterMaxAttempts()
    {
        for (var i = 0; i < 10; i++)
        {
            Script.Fail("AssignSeat", StatusCode.Unavailable);
        }

        await RpcStatusAssert.FailsAsync(
            () => Client.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/a", Email = "a@example.com" }).ResponseAsync, StatusCode.Unavailable);

        Assert.Equal(5, Script.AttemptsOf("AssignSeat").Count());
    }

    [Fact]
    public async Task ServerStream_Unavailable_NotRetried()
    {
        Script.Fail("WatchSeatEvents", StatusCode.Unavailable);
        using var call = Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = "subscriptions/a" });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Single(Script.AttemptsOf("WatchSeatEvents"));
    }
}
