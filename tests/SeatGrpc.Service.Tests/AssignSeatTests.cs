namespace SeatGrpc.Service.Tests;

public sealed class AssignSeatTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public AssignSeatTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task AssignSeat_Invited_ReturnsPendingSeatWithToken()
    {
        var pool = await _server.CreatePoolAsync(2);
        var request = Seeds.Assign(pool, "Ada@Example.com");
        request.Metadata.Add("team", "core");

        var response = await _server.Client.AssignSeatAsync(request).ResponseAsync.WithTimeout();

        Assert.StartsWith("seats/", response.Seat.Name, StringComparison.Ordinal);
        Assert.Equal(pool, response.Seat.Parent);
        Assert.Equal(SeatStatus.Pending, response.Seat.Status);
        Assert.Equal("Ada@Example.com", response.Seat.Email);
        Assert.Equal("core", response.Seat.Metadata["team"]);
        Assert.NotNull(response.Seat.InvitationExpireTime);
        Assert.True(response.Seat.InvitationExpireTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        Assert.NotNull(response.Seat.CreateTime);
        Assert.NotEmpty(response.Seat.Etag);
        Assert.True(response.InvitationToken.Length >= 22, "a token has at least 128 random bits");
        var stored = await _server.Client.GetSeatAsync(new GetSeatRequest { Name = response.Seat.Name }).ResponseAsync.WithTimeout();
        Assert.Equal(response.Seat, stored.Seat);
    }

    [Fact]
    public async Task AssignSeat_ImmediateClaim_ReturnsClaimedSeatWithoutToken()
    {
        var pool = await _server.CreatePoolAsync(1);

        var response = await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, CustomerId = "cus_1", ImmediateClaim = true })
            .ResponseAsync.WithTimeout();

        Assert.Equal(SeatStatus.Claimed, response.Seat.Status);
        Assert.Equal("cus_1", response.Seat.CustomerId);
        Assert.NotNull(response.Seat.ClaimTime);
        Assert.Empty(response.InvitationToken);
    }

    [Fact]
    public async Task AssignSeat_OrderPool_Works()
    {
        var name = "orders/ord-" + Guid.NewGuid().ToString("N");
        await _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = name, TotalSeats = 1 } }).ResponseAsync.WithTimeout();

        var response = await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = name, ExternalCustomerId = "user 42" })
            .ResponseAsync.WithTimeout();

        Assert.Equal(name, response.Seat.Parent);
        Assert.Equal("user 42", response.Seat.ExternalCustomerId);
    }

    [Fact]
    public async Task AssignSeat_FullPool_FailedPreconditionNoSeatsAvailable()
    {
        var pool = await _server.CreatePoolAsync(1);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, Seeds.Email("a"))).ResponseAsync.WithTimeout();

        var status = await RpcStatusAssert.FailsAsync(
            () => _server.Client.AssignSeatAsync(Seeds.Assign(pool, Seeds.Email("b"))).ResponseAsync,
            StatusCode.FailedPrecondition,
            "NO_SEATS_AVAILABLE");

        Assert.DoesNotContain("SELECT", status.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AssignSeat_UnknownPool_NotFoundPoolNotFound()
    {
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.AssignSeatAsync(Seeds.Assign(_server.NewPoolName(), "x@example.com")).ResponseAsync,
            StatusCode.NotFound,
            "POOL_NOT_FOUND");
    }

    [Fact]
    public async Task AssignSeat_SameEmailOtherCase_AlreadyExistsGranteeAlreadySeated()
    {
        var pool = await _server.CreatePoolAsync(3);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "grace@example.com")).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.AssignSeatAsync(Seeds.Assign(pool, "GRACE@example.com")).ResponseAsync,
            StatusCode.AlreadyExists,
            "GRANTEE_ALREADY_SEATED");
        var pool2 = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();
        Assert.Equal(1, pool2.Pool.OccupiedSeats);
    }

    [Fact]
    public async Task GetSeat_UnknownSeat_NotFoundSeatNotFound()
    {
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.GetSeatAsync(new GetSeatRequest { Name = "seats/does-not-exist" }).ResponseAsync,
            StatusCode.NotFound,
            "SEAT_NOT_FOUND");
    }
}
