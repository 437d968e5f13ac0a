using Google.Rpc;

namespace SeatGrpc.Service.Tests;

public sealed class ManageSeatsTests : IClassFixture<SeatServer>
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(30);

    private readonly SeatServer _server;

    public ManageSeatsTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task ManageSeats_ManyBatchesPipelined_AnsweredOncePerBatchInOrder()
    {
        var pool = await _server.CreatePoolAsync(1000);
        using var cts = new CancellationTokenSource(StreamTimeout);
        using var call = _server.Client.ManageSeats(cancellationToken: cts.Token);
        var ids = Enumerable.Range(0, 40).Select(_ => Seeds.NewRequestId()).ToList();

        // Send every batch before reading any answer: the server must keep reading while it applies.
        for (var i = 0; i < ids.Count; i++)
        {
            await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, ids[i], Seeds.AssignChange($"b{i}-1@example.com"), Seeds.AssignChange($"b{i}-2@example.com")))
                .WithTimeout();
        }

        await call.RequestStream.CompleteAsync().WithTimeout();
        var responses = new List<ManageSeatsResponse>();
        while (await call.ResponseStream.MoveNext(cts.Token).WithTimeout(StreamTimeout))
        {
            responses.Add(call.ResponseStream.Current);
        }

        Assert.Equal(ids, responses.Select(r => r.RequestId));
        Assert.All(responses, r => Assert.Null(r.Error));
        Assert.All(responses, r => Assert.Equal(2, r.Results.Count));
        Assert.Equal(1000 - 80, responses[^1].AvailableSeats);
        Assert.Equal("b39-2@example.com", responses[^1].Results[1].Seat.Email);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ManageSeats_FailedBatch_AnsweredWithErrorAndStreamGoesOn()
    {
        var pool = await _server.CreatePoolAsync(2);
        using var cts = new CancellationTokenSource(StreamTimeout);
        using var call = _server.Client.ManageSeats(cancellationToken: cts.Token);

        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, "", Seeds.AssignChange("a@example.com"), Seeds.AssignChange("b@example.com"), Seeds.AssignChange("c@example.com"))).WithTimeout();
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, "", Seeds.AssignChange("a@example.com"))).WithTimeout();
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, "", new SeatChange())).WithTimeout();
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, "", Seeds.UnassignChange("nobody@example.com"))).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        var responses = new List<ManageSeatsResponse>();
        while (await call.ResponseStream.MoveNext(cts.Token).WithTimeout(StreamTimeout))
        {
            responses.Add(call.ResponseStream.Current);
        }

        Assert.Equal(4, responses.Count);
        var full = responses[0].Error;
        Assert.Equal((int)StatusCode.FailedPrecondition, full.Code);
        var info = RpcStatusAssert.AssertReason(full, "NO_SEATS_AVAILABLE");
        Assert.Equal("2", info.Metadata["change_index"]);
        Assert.Empty(responses[0].Results);
        Assert.Equal(2, responses[0].AvailableSeats);

        Assert.Null(responses[1].Error);
        Assert.Equal(1, responses[1].AvailableSeats);

        Assert.Equal((int)StatusCode.InvalidArgument, responses[2].Error.Code);
        RpcStatusAssert.AssertReason(responses[2].Error, "INVALID_FIELD");
        Assert.Equal(["changes[0]"], RpcStatusAssert.ViolatedFields(responses[2].Error));

        Assert.Equal((int)StatusCode.NotFound, responses[3].Error.Code);
        Assert.Equal("0", RpcStatusAssert.AssertReason(responses[3].Error, "GRANTEE_NOT_SEATED").Metadata["change_index"]);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ManageSeats_RetriedRequestId_ReplaysWithoutSecondSeat()
    {
        var pool = await _server.CreatePoolAsync(5);
        var requestId = Seeds.NewRequestId();
        using var cts = new CancellationTokenSource(StreamTimeout);
        using var call = _server.Client.ManageSeats(cancellationToken: cts.Token);

        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, requestId, Seeds.AssignChange("r@example.com", immediateClaim: false))).WithTimeout();
        await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, requestId, Seeds.AssignChange("r@example.com", immediateClaim: false))).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout(StreamTimeout));
        var first = call.ResponseStream.Current;
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout(StreamTimeout));
        var second = call.ResponseStream.Current;

        Assert.Equal(first.Results[0].Seat, second.Results[0].Seat);
        Assert.NotEmpty(first.Results[0].InvitationToken);
        Assert.Empty(second.Results[0].InvitationToken);
        Assert.Equal(requestId, second.RequestId);
        var stored = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();
        Assert.Equal(1, stored.Pool.OccupiedSeats);
    }

    [Fact]
    public async Task ManageSeats_ClientCancelsMidBatch_NoPartialBatchAndCallCancelled()
    {
        // Each round sends one large batch and cancels at a different moment: before, during or after its
        // transaction. Whatever the moment, the pool holds all of the batch or none of it.
        for (var round = 0; round < 6; round++)
        {
            var pool = await _server.CreatePoolAsync(1000);
            using var cts = new CancellationTokenSource();
            using var call = _server.Client.ManageSeats(cancellationToken: cts.Token);
            var changes = Enumerable.Range(0, 1000).Select(i => Seeds.AssignChange($"c{round}-{i}@example.com")).ToArray();
            await call.RequestStream.WriteAsync(Seeds.StreamBatch(pool, "", changes)).WithTimeout();

            await Task.Delay(round * 15);
            await cts.CancelAsync();

            var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout(StreamTimeout))
                {
                }
            });
            Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
            var seats = await WaitForSettledAsync(pool);
            Assert.True(seats is 0 or 1000, $"round {round}: a cancelled batch left {seats} of 1000 seats");
        }
    }

    [Fact]
    public async Task ManageSeats_ValidationError_CarriesBadRequestWithPaths()
    {
        var pool = await _server.CreatePoolAsync(5);
        using var cts = new CancellationTokenSource(StreamTimeout);
        using var call = _server.Client.ManageSeats(cancellationToken: cts.Token);
        var bad = Seeds.StreamBatch(pool, "not-a-uuid", Seeds.AssignChange("ok@example.com"), Seeds.AssignChange("not an email"));

        await call.RequestStream.WriteAsync(bad).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(cts.Token).WithTimeout(StreamTimeout));

        var error = call.ResponseStream.Current.Error;
        Assert.Equal((int)StatusCode.InvalidArgument, error.Code);
        Assert.Equal(["changes[1].assign.grantee.email", "request_id"], RpcStatusAssert.ViolatedFields(error));
        Assert.NotNull(error.GetDetail<BadRequest>());
    }

    private async Task<int> WaitForSettledAsync(string pool)
    {
        // The server may still be rolling back when the client has seen CANCELLED: read until two reads agree.
        var previous = -1;
        for (var i = 0; i < 50; i++)
        {
            var current = (await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout()).Pool.OccupiedSeats;
            if (current == previous)
            {
                return current;
            }

            previous = current;
            await Task.Delay(50);
        }

        return previous;
    }
}
