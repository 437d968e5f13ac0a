namespace SeatGrpc.Service.Tests;

public sealed class RevokeSeatTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public RevokeSeatTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task RevokeSeat_OccupiedSeat_RevokesAndFreesCapacity()
    {
        var pool = await _server.CreatePoolAsync(1);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "x@example.com")).ResponseAsync.WithTimeout();

        var revoked = await _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();

        Assert.Equal(SeatStatus.Revoked, revoked.Seat.Status);
        Assert.NotNull(revoked.Seat.RevokeTime);
        Assert.Equal("x@example.com", revoked.Seat.Email);
        Assert.NotEqual(assigned.Seat.Etag, revoked.Seat.Etag);
        var next = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "y@example.com")).ResponseAsync.WithTimeout();
        Assert.Equal(SeatStatus.Pending, next.Seat.Status);
    }

    [Fact]
    public async Task RevokeSeat_AlreadyRevoked_ReturnsItUnchanged()
    {
        var pool = await _server.CreatePoolAsync(1);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "x@example.com")).ResponseAsync.WithTimeout();
        var first = await _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();

        var second = await _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();

        Assert.Equal(first.Seat, second.Seat);
    }

    [Fact]
    public async Task RevokeSeat_CurrentEtag_Revokes()
    {
        var pool = await _server.CreatePoolAsync(1);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "x@example.com")).ResponseAsync.WithTimeout();

        var revoked = await _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name, Etag = assigned.Seat.Etag }).ResponseAsync.WithTimeout();

        Assert.Equal(SeatStatus.Revoked, revoked.Seat.Status);
    }

    [Fact]
    public async Task RevokeSeat_StaleEtag_AbortedEtagMismatch()
    {
        var pool = await _server.CreatePoolAsync(1);
        var assigned = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "x@example.com")).ResponseAsync.WithTimeout();
        await _server.Client.ResendInvitationAsync(new ResendInvitationRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name, Etag = assigned.Seat.Etag }).ResponseAsync,
            StatusCode.Aborted,
            "ETAG_MISMATCH");
        var seat = await _server.Client.GetSeatAsync(new GetSeatRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();
        Assert.Equal(SeatStatus.Pending, seat.Seat.Status);
    }

    [Fact]
    public async Task RevokeSeat_UnknownSeat_NotFoundSeatNotFound()
    {
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = "seats/nope" }).ResponseAsync,
            StatusCode.NotFound,
            "SEAT_NOT_FOUND");
    }
}
