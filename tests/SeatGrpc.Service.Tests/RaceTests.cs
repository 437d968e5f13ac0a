namespace SeatGrpc.Service.Tests;

public sealed class RaceTests : IClassFixture<SeatServer>
{
    private const int Racers = 64;
    private static readonly TimeSpan RaceTimeout = TimeSpan.FromSeconds(60);

    private readonly SeatServer _server;

    public RaceTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task AssignSeat_SixtyFourCallersForTheLastSeat_ExactlyOneWins()
    {
        var pool = await _server.CreatePoolAsync(5);
        await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Enumerable.Range(0, 4).Select(i => Seeds.AssignChange($"early{i}@example.com")).ToArray()))
            .ResponseAsync.WithTimeout();
        using var start = new SemaphoreSlim(0);

        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.WaitAsync();
            try
            {
                await _server.Client.AssignSeatAsync(Seeds.Assign(pool, $"racer{i}@example.com")).ResponseAsync;
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                Assert.Equal("NO_SEATS_AVAILABLE", ex.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
                return ex.StatusCode;
            }
        }).ToList();
        start.Release(Racers);
        var outcomes = await Task.WhenAll(racers).WithTimeout(RaceTimeout);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(Racers - 1, outcomes.Count(o => o == StatusCode.FailedPrecondition));
        var list = await _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = pool, PageSize = 100 }).ResponseAsync.WithTimeout();
        Assert.Equal(5, list.Seats.Count);
        Assert.Equal(0, list.AvailableSeats);
        Assert.Single(list.Seats, s => s.Email.StartsWith("racer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BatchManageSeats_SixtyFourBatchesForTheLastSeats_ExactlyOneWins()
    {
        // Two free seats; every batch wants both, so at most one batch can succeed and none may half-succeed.
        var pool = await _server.CreatePoolAsync(3);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "early@example.com")).ResponseAsync.WithTimeout();
        using var start = new SemaphoreSlim(0);

        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.WaitAsync();
            try
            {
                await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, Seeds.AssignChange($"b{i}-x@example.com"), Seeds.AssignChange($"b{i}-y@example.com")))
                    .ResponseAsync;
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                Assert.Equal("NO_SEATS_AVAILABLE", ex.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
                return ex.StatusCode;
            }
        }).ToList();
        start.Release(Racers);
        var outcomes = await Task.WhenAll(racers).WithTimeout(RaceTimeout);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(Racers - 1, outcomes.Count(o => o == StatusCode.FailedPrecondition));
        var seats = await Seeds.ListAllAsync(_server.Client, pool);
        Assert.Equal(3, seats.Count);
        var winners = seats.Where(s => s.Email.StartsWith('b')).Select(s => s.Email.Split('-')[0]).Distinct().ToList();
        Assert.Single(winners);
        Assert.Empty(await Seeds.ListAllAsync(_server.Client, pool, SeatStatus.Revoked));
    }

    [Fact]
    public async Task ReplaceAndUnassign_SixtyFourRacersForOneSeat_ExactlyOneWins()
    {
        var pool = await _server.CreatePoolAsync(1);
        await _server.Client.AssignSeatAsync(Seeds.Assign(pool, "holder@example.com", immediateClaim: true)).ResponseAsync.WithTimeout();
        using var start = new SemaphoreSlim(0);

        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.WaitAsync();
            var change = i % 2 == 0 ? Seeds.ReplaceChange("holder@example.com", $"heir{i}@example.com") : Seeds.UnassignChange("holder@example.com");
            try
            {
                await _server.Client.BatchManageSeatsAsync(Seeds.Batch(pool, change)).ResponseAsync;
                return (Index: i, Code: StatusCode.OK);
            }
            catch (RpcException ex)
            {
                Assert.Equal("GRANTEE_NOT_SEATED", ex.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
                return (Index: i, Code: ex.StatusCode);
            }
        }).ToList();
        start.Release(Racers);
        var outcomes = await Task.WhenAll(racers).WithTimeout(RaceTimeout);

        var winner = Assert.Single(outcomes, o => o.Code == StatusCode.OK);
        Assert.Equal(Racers - 1, outcomes.Count(o => o.Code == StatusCode.NotFound));
        var occupying = await Seeds.ListAllAsync(_server.Client, pool);
        if (winner.Index % 2 == 0)
        {
            Assert.Equal([$"heir{winner.Index}@example.com"], occupying.Select(s => s.Email));
        }
        else
        {
            Assert.Empty(occupying);
        }

        var revoked = await Seeds.ListAllAsync(_server.Client, pool, SeatStatus.Revoked);
        Assert.Equal(["holder@example.com"], revoked.Select(s => s.Email));
    }
}
