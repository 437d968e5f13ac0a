namespace SeatGrpc.Service.Tests;

public sealed class BatchManageSeatsTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public BatchManageSeatsTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task BatchManageSeats_AssignUnassignReplace_OneResultPerChange()
    {
        var pool = await _server.CreatePoolAsync(2);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "old@example.com", immediateClaim: true)).ResponseAsync.WithTimeout();

        var response = await _server.Client.BatchManageSeatsAsync(Seeds.Batch(
                pool,
                Seeds.AssignChange("new@example.com", immediateClaim: false),
                Seeds.ReplaceChange("old@example.com", "successor@example.com", immediateClaim: false),
                Seeds.UnassignChange("new@example.com")))
            .ResponseAsync.WithTimeout();

        Assert.Equal(3, response.Results.Count);
        Assert.Equal(SeatStatus.Pending, response.Results[0].Seat.Status);
        Assert.NotEmpty(response.Results[0].InvitationToken);
        Assert.Equal("successor@example.com", response.Results[1].Seat.Email);
        Assert.NotEmpty(response.Results[1].InvitationToken);
        Assert.Equal(SeatStatus.Revoked, response.Results[2].Seat.Status);
        Assert.Equal(response.Results[0].Seat.Name, response.Results[2].Seat.Name);
        Assert.Equal(1, response.AvailableSeats);
        var seats = await Seeds.ListAllAsync(_server.Client, pool);
        Assert.Equal(["successor@example.com"], seats.Select(s => s.Email));
    }

    [Fact]
    public async Task BatchManageSeats_ReplaceInFullPool_NeedsNoFreeSeat()
    {
        var pool = await _server.CreatePoolAsync(1);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "holder@example.com", immediateClaim: true)).ResponseAsync.WithTimeout();

        var response = await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.ReplaceChange("HOLDER@example.com", "next@example.com")))
            .ResponseAsync.WithTimeout();

        Assert.Equal("next@example.com", response.Results[0].Seat.Email);
        Assert.Equal(0, response.AvailableSeats);
    }

    [Fact]
    public async Task BatchManageSeats_ThirdChangeFails_LeavesNoTraceOfTheFirstTwo()
    {
        var pool = await _server.CreatePoolAsync(2);
        var before = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();

        var status = await RpcStatusAssert.FailsAsync(
            () => _server.Client.BatchManageSeatsAsync(Seeds.Batch(
                pool, Seeds.AssignChange("one@example.com"), Seeds.AssignChange("two@example.com"), Seeds.AssignChange("three@example.com"))).ResponseAsync,
            StatusCode.FailedPrecondition,
            "NO_SEATS_AVAILABLE");

        Assert.Equal("2", RpcStatusAssert.AssertReason(status, "NO_SEATS_AVAILABLE").Metadata["change_index"]);
        Assert.Empty(await Seeds.ListAllAsync(_server.Client, pool));
        Assert.Empty(await Seeds.ListAllAsync(_server.Client, pool, SeatStatus.Revoked));
        var after = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();
        Assert.Equal(before.Pool, after.Pool);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var watch = _server.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool }, cancellationToken: cts.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cts.Token).WithTimeout());
        Assert.Equal(SeatEventType.PoolResized, watch.ResponseStream.Current.Event.Type);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "marker@example.com")).ResponseAsync.WithTimeout();
        Assert.True(await watch.ResponseStream.MoveNext(cts.Token).WithTimeout());
        Assert.Equal(2, watch.ResponseStream.Current.Event.Sequence);
        Assert.Equal("marker@example.com", watch.ResponseStream.Current.Event.Grantee.Email);
    }

    [Fact]
    public async Task BatchManageSeats_DuplicateGranteeInBatch_AlreadyExistsAndNothingApplied()
    {
        var pool = await _server.CreatePoolAsync(5);

        var status = await RpcStatusAssert.FailsAsync(
            () => _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.AssignChange("dup@example.com"), Seeds.AssignChange("Dup@Example.com"))).ResponseAsync,
            StatusCode.AlreadyExists,
            "GRANTEE_ALREADY_SEATED");

        Assert.Equal("1", status.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["change_index"]);
        Assert.Empty(await Seeds.ListAllAsync(_server.Client, pool));
    }

    [Fact]
    public async Task BatchManageSeats_UnassignWithoutSeat_NotFoundGranteeNotSeated()
    {
        var pool = await _server.CreatePoolAsync(5);

        var status = await RpcStatusAssert.FailsAsync(
            () => _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.AssignChange("a@example.com"), Seeds.ReplaceChange("ghost@example.com", "b@example.com"))).ResponseAsync,
            StatusCode.NotFound,
            "GRANTEE_NOT_SEATED");

        Assert.Equal("1", status.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["change_index"]);
    }

    [Fact]
    public async Task BatchManageSeats_UnknownPool_NotFoundPoolNotFound()
    {
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.BatchManageSeatsAsync(Seeds.Batch(_server.NewPoolName(), Seeds.AssignChange("a@example.com"))).ResponseAsync,
            StatusCode.NotFound,
            "POOL_NOT_FOUND");
    }
}
