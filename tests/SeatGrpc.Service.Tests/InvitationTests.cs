namespace SeatGrpc.Service.Tests;

public sealed class InvitationTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public InvitationTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task ClaimSeat_ValidToken_ClaimsAndRecordsCustomer()
    {
        var pool = await _server.CreatePoolAsync(2);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "inv@example.com")).ResponseAsync.WithTimeout();

        var claimed = await _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken, CustomerId = "cus_claim" })
            .ResponseAsync.WithTimeout();

        Assert.Equal(assigned.Seat.Name, claimed.Seat.Name);
        Assert.Equal(SeatStatus.Claimed, claimed.Seat.Status);
        Assert.Equal("cus_claim", claimed.Seat.CustomerId);
        Assert.NotNull(claimed.Seat.ClaimTime);
    }

    [Fact]
    public async Task ClaimSeat_TokenUsedTwice_FailedPreconditionInvalidInvitationToken()
    {
        var pool = await _server.CreatePoolAsync(2);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "twice@example.com")).ResponseAsync.WithTimeout();
        await _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "INVALID_INVITATION_TOKEN");
    }

    [Fact]
    public async Task ClaimSeat_UnknownOrRevokedToken_FailedPreconditionInvalidInvitationToken()
    {
        var pool = await _server.CreatePoolAsync(2);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "gone@example.com")).ResponseAsync.WithTimeout();
        await _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "INVALID_INVITATION_TOKEN");
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = "made-up-token" }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "INVALID_INVITATION_TOKEN");
    }

    [Fact]
    public async Task ClaimSeat_CustomerAlreadySeated_AlreadyExistsGranteeAlreadySeated()
    {
        var pool = await _server.CreatePoolAsync(3);
        await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, CustomerId = "cus_dup", ImmediateClaim = true }).ResponseAsync.WithTimeout();
        var other = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "other@example.com")).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = other.InvitationToken, CustomerId = "cus_dup" }).ResponseAsync,
            StatusCode.AlreadyExists,
            "GRANTEE_ALREADY_SEATED");
    }

    [Fact]
    public async Task ResendInvitation_PendingSeat_NewTokenWorksOldTokenDead()
    {
        var pool = await _server.CreatePoolAsync(2);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "again@example.com")).ResponseAsync.WithTimeout();

        var resent = await _server.Client.ResendInvitationAsync(new ResendInvitationRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();

        Assert.NotEmpty(resent.InvitationToken);
        Assert.NotEqual(assigned.InvitationToken, resent.InvitationToken);
        Assert.True(resent.Seat.InvitationExpireTime.ToDateTimeOffset() >= assigned.Seat.InvitationExpireTime.ToDateTimeOffset());
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "INVALID_INVITATION_TOKEN");
        var claimed = await _server.Client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = resent.InvitationToken }).ResponseAsync.WithTimeout();
        Assert.Equal(SeatStatus.Claimed, claimed.Seat.Status);
    }

    [Fact]
    public async Task ResendInvitation_ClaimedSeat_FailedPreconditionSeatNotPending()
    {
        var pool = await _server.CreatePoolAsync(2);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "done@example.com", immediateClaim: true)).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ResendInvitationAsync(new ResendInvitationRequest { Name = assigned.Seat.Name }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "SEAT_NOT_PENDING");
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ResendInvitationAsync(new ResendInvitationRequest { Name = "seats/unknown" }).ResponseAsync,
            StatusCode.NotFound,
            "SEAT_NOT_FOUND");
    }

    [Fact]
    public async Task ListClaimedSubscriptions_ClaimedInSeveralPools_PagesThroughThem()
    {
        var customer = "cus_" + Guid.NewGuid().ToString("N")[..12];
        var pools = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var pool = await _server.CreatePoolAsync(2);
            pools.Add(pool);
            await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, CustomerId = customer, ImmediateClaim = true }).ResponseAsync.WithTimeout();
        }

        var pending = await _server.CreatePoolAsync(2);
        await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pending, CustomerId = customer }).ResponseAsync.WithTimeout();

        var first = await _server.Client.ListClaimedSubscriptionsAsync(new ListClaimedSubscriptionsRequest { Customer = "customers/" + customer, PageSize = 2 })
            .ResponseAsync.WithTimeout();
        var second = await _server.Client.ListClaimedSubscriptionsAsync(
                new ListClaimedSubscriptionsRequest { Customer = "customers/" + customer, PageSize = 2, PageToken = first.NextPageToken })
            .ResponseAsync.WithTimeout();

        var all = first.ClaimedSubscriptions.Concat(second.ClaimedSubscriptions).ToList();
        Assert.Equal(pools, all.Select(c => c.Pool.Name));
        Assert.All(all, c => Assert.Equal(SeatStatus.Claimed, c.Seat.Status));
        Assert.All(all, c => Assert.Equal(1, c.Pool.OccupiedSeats));
        Assert.Empty(second.NextPageToken);
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListClaimedSubscriptionsAsync(
                new ListClaimedSubscriptionsRequest { Customer = "customers/someone-else", PageToken = first.NextPageToken }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
    }
}
