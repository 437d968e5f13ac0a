namespace SeatGrpc.Service.Tests;

public sealed class SeatPoolTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public SeatPoolTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task UpsertSeatPool_CreateThenResize_GetSeatPoolReportsOccupancy()
    {
        var name = _server.NewPoolName();
        var created = await _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
        {
            Pool = new SeatPool { Name = name, TotalSeats = 3, CustomerId = "cus_owner", MinSeats = 1, MaxSeats = 10 },
        }).ResponseAsync.WithTimeout();
        await _server.Client.AssignSeatAsync(Seeds.Assign(name, "a@example.com")).ResponseAsync.WithTimeout();

        var resized = await _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
        {
            Pool = new SeatPool { Name = name, TotalSeats = 5, CustomerId = "cus_owner", MinSeats = 1, MaxSeats = 10 },
        }).ResponseAsync.WithTimeout();
        var read = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = name }).ResponseAsync.WithTimeout();

        Assert.Equal(3, created.Pool.TotalSeats);
        Assert.Equal(3, created.Pool.AvailableSeats);
        Assert.NotNull(created.Pool.CreateTime);
        Assert.Equal(5, resized.Pool.TotalSeats);
        Assert.Equal(1, resized.Pool.OccupiedSeats);
        Assert.Equal(4, resized.Pool.AvailableSeats);
        Assert.NotEqual(created.Pool.Etag, resized.Pool.Etag);
        Assert.Equal(resized.Pool, read.Pool);
        Assert.Equal("cus_owner", read.Pool.CustomerId);
        Assert.Equal(1, read.Pool.MinSeats);
        Assert.Equal(10, read.Pool.MaxSeats);
    }

    [Fact]
    public async Task UpsertSeatPool_BelowOccupied_FailedPreconditionPoolBelowOccupied()
    {
        var pool = await _server.CreatePoolAsync(3);
        await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.AssignChange("a@example.com"), Seeds.AssignChange("b@example.com")))
            .ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 1 } }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "POOL_BELOW_OCCUPIED");
        var shrunk = await _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        Assert.Equal(0, shrunk.Pool.AvailableSeats);
    }

    [Fact]
    public async Task UpsertSeatPool_TotalOutsideBounds_InvalidArgumentPoolBoundsViolated()
    {
        var name = _server.NewPoolName();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = name, TotalSeats = 11, MinSeats = 1, MaxSeats = 10 },
            }).ResponseAsync,
            StatusCode.InvalidArgument,
            "POOL_BOUNDS_VIOLATED");
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = name, TotalSeats = 1, MinSeats = 2 },
            }).ResponseAsync,
            StatusCode.InvalidArgument,
            "POOL_BOUNDS_VIOLATED");
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = name }).ResponseAsync,
            StatusCode.NotFound,
            "POOL_NOT_FOUND");
    }

    [Fact]
    public async Task GetSeatPool_UnknownPool_NotFoundPoolNotFound()
    {
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "orders/never-made" }).ResponseAsync,
            StatusCode.NotFound,
            "POOL_NOT_FOUND");
    }
}
