namespace SeatGrpc.Service.Tests;

public sealed class WatchSeatEventsTests : IClassFixture<SeatServer>
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(15);

    private readonly SeatServer _server;

    public WatchSeatEventsTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task WatchSeatEvents_FromStart_StoredThenLiveInSequence()
    {
        var pool = await _server.CreatePoolAsync(3);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "w@example.com")).ResponseAsync.WithTimeout();
        using var cts = new CancellationTokenSource(StreamTimeout);
        using var call = _server.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool }, cancellationToken: cts.Token);

        var stored = await NextAsync(call, 2, cts.Token);
        await _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name, RequestId = Seeds.NewRequestId() }).ResponseAsync.WithTimeout();
        await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.AssignChange("x@example.com"), Seeds.ReplaceChange("x@example.com", "y@example.com")))
            .ResponseAsync.WithTimeout();
        var live = await NextAsync(call, 3, cts.Token);

        var events = stored.Concat(live).ToList();
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Sequence));
        Assert.Equal(
            [SeatEventType.PoolResized, SeatEventType.Assigned, SeatEventType.Revoked, SeatEventType.Assigned, SeatEventType.Replaced],
            events.Select(e => e.Type));
        Assert.Equal(3, events[0].TotalSeats);
        Assert.All(events, e => Assert.Equal(pool, e.Parent));
        Assert.Equal("w@example.com", events[2].Grantee.Email);
        Assert.Equal(assigned.Seat.Name, events[2].Seat);
        Assert.NotEmpty(events[2].RequestId);
        Assert.Equal("y@example.com", events[4].Grantee.Email);
        Assert.Equal("x@example.com", events[4].PreviousGrantee.Email);
        Assert.NotNull(events[4].CreateTime);
    }

    [Fact]
    public async Task WatchSeatEvents_AfterSequence_SkipsEarlierEvents()
    {
        var pool = await _server.CreatePoolAsync(3);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "a@example.com")).ResponseAsync.WithTimeout();
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "b@example.com")).ResponseAsync.WithTimeout();
        using var cts = new CancellationTokenSource(StreamTimeout);
        using var call = _server.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool, AfterSequence = 2 }, cancellationToken: cts.Token);

        var first = Assert.Single(await NextAsync(call, 1, cts.Token));

        Assert.Equal(3, first.Sequence);
        Assert.Equal("b@example.com", first.Grantee.Email);
    }

    [Fact]
    public async Task WatchSeatEvents_UnknownPool_NotFoundBeforeAnyMessage()
    {
        using var cts = new CancellationTokenSource(StreamTimeout);
        using var call = _server.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = _server.NewPoolName() }, cancellationToken: cts.Token);

        await RpcStatusAssert.FailsAsync(() => call.ResponseStream.MoveNext(cts.Token), StatusCode.NotFound, "POOL_NOT_FOUND");
    }

    [Fact]
    public async Task WatchSeatEvents_ServerStops_StreamEndsCleanlyWithinGrace()
    {
        // A server of its own: this test stops it.
        var server = new SeatServer();
        await server.InitializeAsync();
        try
        {
            var pool = await server.CreatePoolAsync(1);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var call = server.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool }, cancellationToken: cts.Token);
            Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout());

            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var stopping = server.App.StopAsync();
            var more = await call.ResponseStream.MoveNext(cts.Token).WithTimeout();
            await stopping.WithTimeout();

            Assert.False(more);
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"the watch held shutdown for {stopwatch.Elapsed}");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<List<SeatEvent>> NextAsync(AsyncServerStreamingCall<WatchSeatEventsResponse> call, int count, CancellationToken cancellationToken)
    {
        var events = new List<SeatEvent>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext(cancellationToken).WithTimeout());
            events.Add(call.ResponseStream.Current.Event);
        }

        return events;
    }
}
