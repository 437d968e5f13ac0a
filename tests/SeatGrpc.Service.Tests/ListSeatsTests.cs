namespace SeatGrpc.Service.Tests;

public sealed class ListSeatsTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public ListSeatsTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task ListSeats_MixedStatuses_FiltersAndCountsInOneSnapshot()
    {
        var pool = await _server.CreatePoolAsync(5);
        var pending = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "p@example.com")).ResponseAsync.WithTimeout();
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "c@example.com", immediateClaim: true)).ResponseAsync.WithTimeout();
        var revoked = await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "r@example.com")).ResponseAsync.WithTimeout();
        await _server.Client.RevokeSeatAsync(new RevokeSeatRequest { Name = revoked.Seat.Name }).ResponseAsync.WithTimeout();

        var occupying = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool }).ResponseAsync.WithTimeout();
        var onlyRevoked = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, Status = SeatStatus.Revoked }).ResponseAsync.WithTimeout();
        var onlyClaimed = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, Status = SeatStatus.Claimed }).ResponseAsync.WithTimeout();

        Assert.Equal(["p@example.com", "c@example.com"], occupying.Seats.Select(s => s.Email));
        Assert.Equal(pending.Seat.Name, occupying.Seats[0].Name);
        Assert.Equal(5, occupying.TotalSeats);
        Assert.Equal(3, occupying.AvailableSeats);
        Assert.Empty(occupying.NextPageToken);
        Assert.Equal(revoked.Seat.Name, Assert.Single(onlyRevoked.Seats).Name);
        Assert.Equal("c@example.com", Assert.Single(onlyClaimed.Seats).Email);
    }

    [Fact]
    public async Task ListSeats_TwoThousandFiveHundredSeats_WalksEachSeatExactlyOnce()
    {
        var pool = await _server.CreatePoolAsync(2500);
        for (var batch = 0; batch < 3; batch++)
        {
            var count = batch < 2 ? 1000 : 500;
            var request = Seeds.Batch(pool, Enumerable.Range(0, count).Select(i => Seeds.AssignChange($"w{batch}-{i}@example.com")).ToArray());
            await _server.Client.BatchManageSeatsAsync(request).ResponseAsync.WithTimeout(TimeSpan.FromSeconds(60));
        }

        var names = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageSize = 173, PageToken = token }).ResponseAsync.WithTimeout();
            Assert.True(page.Seats.Count <= 173);
            names.AddRange(page.Seats.Select(s => s.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 100);

        Assert.Equal(2500, names.Count);
        Assert.Equal(2500, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(15, pages);
    }

    [Fact]
    public async Task ListSeats_DefaultPageSize_IsFifty()
    {
        var pool = await _server.CreatePoolAsync(60);
        await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Enumerable.Range(0, 60).Select(i => Seeds.AssignChange($"d{i}@example.com")).ToArray()))
            .ResponseAsync.WithTimeout();

        var first = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool }).ResponseAsync.WithTimeout();
        var second = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageToken = first.NextPageToken }).ResponseAsync.WithTimeout();

        Assert.Equal(50, first.Seats.Count);
        Assert.Equal(10, second.Seats.Count);
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task ListSeats_TokenFromAnotherQuery_InvalidArgumentInvalidPageToken()
    {
        var pool = await _server.CreatePoolAsync(3);
        var other = await _server.CreatePoolAsync(3);
        await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.AssignChange("1@example.com"), Seeds.AssignChange("2@example.com")))
            .ResponseAsync.WithTimeout();
        var page = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageSize = 1 }).ResponseAsync.WithTimeout();
        Assert.NotEmpty(page.NextPageToken);

        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = other, PageSize = 1, PageToken = page.NextPageToken }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
        var status = await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageSize = 1, PageToken = page.NextPageToken, Status = SeatStatus.Claimed }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
        Assert.Equal(["page_token"], RpcStatusAssert.ViolatedFields(status));
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageToken = "garbage" }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task ListSeats_UnknownPool_NotFoundPoolNotFound()
    {
        await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = _server.NewPoolName() }).ResponseAsync,
            StatusCode.NotFound,
            "POOL_NOT_FOUND");
    }
}
