namespace SeatGrpc.Service.Tests;

public sealed class IdempotencyTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public IdempotencyTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task AssignSeat_RetriedRequestId_SameSeatWithoutTokenAndNoSecondSeat()
    {
        var pool = await _server.CreatePoolAsync(5);
        var request = Seeds.Assign(pool, "retry@example.com", requestId: Seeds.NewRequestId());

        var first = await _server.Client.AssignSeatAsync(request).ResponseAsync.WithTimeout();
        var retry = await _server.Client.AssignSeatAsync(request).ResponseAsync.WithTimeout();

        Assert.Equal(first.Seat, retry.Seat);
        Assert.NotEmpty(first.InvitationToken);
        Assert.Empty(retry.InvitationToken);
        var stored = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();
        Assert.Equal(1, stored.Pool.OccupiedSeats);
    }

    [Fact]
    public async Task AssignSeat_RetryWithMetadataInOtherOrder_StillReplays()
    {
        var pool = await _server.CreatePoolAsync(5);
        var requestId = Seeds.NewRequestId();
        var first = Seeds.Assign(pool, "order@example.com", requestId: requestId);
        first.Metadata.Add("a", "1");
        first.Metadata.Add("b", "2");
        var second = Seeds.Assign(pool, "order@example.com", requestId: requestId);
        second.Metadata.Add("b", "2");
        second.Metadata.Add("a", "1");

        var one = await _server.Client.AssignSeatAsync(first).ResponseAsync.WithTimeout();
        var two = await _server.Client.AssignSeatAsync(second).ResponseAsync.WithTimeout();

        Assert.Equal(one.Seat.Name, two.Seat.Name);
    }

    [Fact]
    public async Task AssignSeat_SameRequestIdOtherRequest_InvalidArgumentRequestIdReused()
    {
        var pool = await _server.CreatePoolAsync(5);
        var requestId = Seeds.NewRequestId();
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "first@example.com", requestId: requestId)).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.AssignSeatAsync(Seeds.Assign(pool, "second@example.com", requestId: requestId)).ResponseAsync,
            StatusCode.InvalidArgument,
            "REQUEST_ID_REUSED");
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 9 }, RequestId = requestId }).ResponseAsync,
            StatusCode.InvalidArgument,
            "REQUEST_ID_REUSED");
        var stored = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();
        Assert.Equal(1, stored.Pool.OccupiedSeats);
        Assert.Equal(5, stored.Pool.TotalSeats);
    }

    [Fact]
    public async Task RevokeAndClaim_RetriedRequestIds_ReturnFirstResults()
    {
        var pool = await _server.CreatePoolAsync(5);
        var toClaim = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "claim@example.com")).ResponseAsync.WithTimeout();
        var toRevoke = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "revoke@example.com")).ResponseAsync.WithTimeout();
        var claim = new ClaimSeatRequest { InvitationToken = toClaim.InvitationToken, RequestId = Seeds.NewRequestId() };
        var revoke = new RevokeSeatRequest { Name = toRevoke.Seat.Name, Etag = toRevoke.Seat.Etag, RequestId = Seeds.NewRequestId() };

        var claimed = await _server.Client.ClaimSeatAsync(claim).ResponseAsync.WithTimeout();
        var claimedAgain = await _server.Client.ClaimSeatAsync(claim).ResponseAsync.WithTimeout();
        var revoked = await _server.Client.RevokeSeatAsync(revoke).ResponseAsync.WithTimeout();
        var revokedAgain = await _server.Client.RevokeSeatAsync(revoke).ResponseAsync.WithTimeout();

        Assert.Equal(claimed.Seat, claimedAgain.Seat);
        Assert.Equal(revoked.Seat, revokedAgain.Seat);
    }

    [Fact]
    public async Task BatchManageSeats_RetriedOverTheStream_ReplaysTheUnaryResult()
    {
        var pool = await _server.CreatePoolAsync(5);
        var requestId = Seeds.NewRequestId();
        var unary = Seeds.Batch(pool, Seeds.AssignChange("s1@example.com"), Seeds.AssignChange("s2@example.com"));
        unary.RequestId = requestId;

        var first = await _server.Client.BatchManageSeatsAsync(unary).ResponseAsync.WithTimeout();
        var again = await _server.Client.BatchManageSeatsAsync(unary).ResponseAsync.WithTimeout();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = _server.Client.ManageSeats(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, requestId, Seeds.AssignChange("s1@example.com"), Seeds.AssignChange("s2@example.com"))).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout());
        var streamed = call.ResponseStream.Current;

        Assert.Equal(first, again);
        Assert.Null(streamed.Error);
        Assert.Equal(first.Results.Select(r => r.Seat), streamed.Results.Select(r => r.Seat));
        Assert.Equal(3, (await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout()).Pool.AvailableSeats);
    }
}
