namespace SeatGrpc.Service.Tests;

public sealed class ValidationTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public ValidationTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task AssignSeat_EveryFieldWrong_ListsEveryViolation()
    {
        var request = new AssignSeatRequest
        {
            Parent = "subscriptions/has space",
            Email = "not-an-email",
            CustomerId = "cus/slash",
            ExternalCustomerId = new string('x', 256),
            RequestId = "12345",
        };
        request.Metadata.Add(new string('k', 41), "v");
        request.Metadata.Add("long", new string('v', 501));

        var status = await RpcStatusAssert.FailsAsync(() => _server.Client.AssignSeatAsync(request).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");

        Assert.Equal(
            ["parent", "email", "customer_id", "external_customer_id", $"metadata[\"{new string('k', 41)}\"]", "metadata[\"long\"]", "request_id"],
            RpcStatusAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task AssignSeat_NoGrantee_InvalidField()
    {
        var pool = await _server.CreatePoolAsync(1);

        var status = await RpcStatusAssert.FailsAsync(
            () => _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");

        Assert.Equal(["email"], RpcStatusAssert.ViolatedFields(status));
        Assert.Empty(await Seeds.ListAllAsync(_server.Client, pool));
    }

    [Fact]
    public async Task AssignSeat_FiftyOneMetadataKeys_InvalidField()
    {
        var pool = await _server.CreatePoolAsync(1);
        var request = Seeds.Assign(pool, "meta@example.com");
        for (var i = 0; i < 51; i++)
        {
            request.Metadata.Add($"k{i}", "v");
        }

        var status = await RpcStatusAssert.FailsAsync(() => _server.Client.AssignSeatAsync(request).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");

        Assert.Equal(["metadata"], RpcStatusAssert.ViolatedFields(status));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a@b")]
    [InlineData("a b@example.com")]
    [InlineData("a@@example.com")]
    [InlineData(".a@example.com")]
    [InlineData("a@-example.com")]
    public async Task AssignSeat_BadEmail_InvalidField(string email)
    {
        var status = await RpcStatusAssert.FailsAsync(
            () => _server.Client.AssignSeatAsync(Seeds.Assign("subscriptions/x", email)).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");

        Assert.Equal(["email"], RpcStatusAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task BatchManageSeats_NestedViolations_NamedByProtoPath()
    {
        var request = Seeds.Batch(
            "orders/ok",
            new SeatChange(),
            new SeatChange { Replace = new SeatChange.Types.Replace { CurrentGrantee = new Grantee { Email = "a@example.com" } } },
            new SeatChange { Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = "bad", CustomerId = "ok_1" } } },
            new SeatChange { Unassign = new SeatChange.Types.Unassign { Grantee = new Grantee() } });

        var status = await RpcStatusAssert.FailsAsync(() => _server.Client.BatchManageSeatsAsync(request).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");

        Assert.Equal(
            ["changes[0]", "changes[1].replace.new_grantee", "changes[2].assign.grantee.email", "changes[3].unassign.grantee"],
            RpcStatusAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task BatchManageSeats_EmptyOrTooLarge_InvalidField()
    {
        var empty = await RpcStatusAssert.FailsAsync(
            () => _server.Client.BatchManageSeatsAsync(Seeds.Batch("orders/ok")).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");
        var tooLarge = await RpcStatusAssert.FailsAsync(
            () => _server.Client.BatchManageSeatsAsync(Seeds.Batch("orders/ok", Enumerable.Range(0, 1001).Select(i => Seeds.AssignChange($"{i}@example.com")).ToArray())).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");

        Assert.Equal(["changes"], RpcStatusAssert.ViolatedFields(empty));
        Assert.Equal(["changes"], RpcStatusAssert.ViolatedFields(tooLarge));
    }

    [Fact]
    public async Task Reads_BadNamesAndPageSizes_InvalidField()
    {
        var list = await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = "pools/x", PageSize = 1001, Status = (SeatStatus)42 }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
        var negative = await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListSeatsAsync(new ListSeatsRequest { Parent = "orders/x", PageSize = -1 }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");
        var seat = await RpcStatusAssert.FailsAsync(
            () => _server.Client.GetSeatAsync(new GetSeatRequest { Name = "seat/x" }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");
        var customer = await RpcStatusAssert.FailsAsync(
            () => _server.Client.ListClaimedSubscriptionsAsync(new ListClaimedSubscriptionsRequest { Customer = "cus_1" }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
        var pool = await RpcStatusAssert.FailsAsync(
            () => _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/" + new string('a', 64) }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");

        Assert.Equal(["parent", "page_size", "status"], RpcStatusAssert.ViolatedFields(list));
        Assert.Equal(["page_size"], RpcStatusAssert.ViolatedFields(negative));
        Assert.Equal(["name"], RpcStatusAssert.ViolatedFields(seat));
        Assert.Equal(["customer"], RpcStatusAssert.ViolatedFields(customer));
        Assert.Equal(["name"], RpcStatusAssert.ViolatedFields(pool));
    }

    [Fact]
    public async Task Mutations_BadFields_InvalidField()
    {
        var upsert = await RpcStatusAssert.FailsAsync(
            () => _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = "orders/x", TotalSeats = -1, MinSeats = 5, MaxSeats = 2 },
            }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
        var noPool = await RpcStatusAssert.FailsAsync(
            () => _server.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest()).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");
        var claim = await RpcStatusAssert.FailsAsync(
            () => _server.Client.ClaimSeatAsync(new ClaimSeatRequest { CustomerId = "bad id" }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");
        var revoke = await RpcStatusAssert.FailsAsync(
            () => _server.Client.RevokeSeatAsync(new RevokeSeatRequest { RequestId = "nope" }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");
        var watch = await RpcStatusAssert.FailsAsync(
            async () =>
            {
                using var call = _server.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = "orders/x", AfterSequence = -1 });
                await call.ResponseStream.MoveNext(CancellationToken.None);
            },
            StatusCode.InvalidArgument,
            "INVALID_FIELD");

        Assert.Equal(["pool.total_seats", "pool.min_seats"], RpcStatusAssert.ViolatedFields(upsert));
        Assert.Equal(["pool"], RpcStatusAssert.ViolatedFields(noPool));
        Assert.Equal(["invitation_token", "customer_id"], RpcStatusAssert.ViolatedFields(claim));
        Assert.Equal(["name", "request_id"], RpcStatusAssert.ViolatedFields(revoke));
        Assert.Equal(["after_sequence"], RpcStatusAssert.ViolatedFields(watch));
    }
}
