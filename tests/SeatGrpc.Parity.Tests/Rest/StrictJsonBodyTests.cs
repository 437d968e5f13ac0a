using System.Net;
using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>
/// JSON bodies read strictly, as the proto3 JSON mapping says a parser should: an unknown field (at any depth) or a
/// value of the wrong type is 400 INVALID_FIELD naming its path; both name forms and proto3's looser forms are taken.
/// </summary>
public sealed class StrictJsonBodyTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public StrictJsonBodyTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task MisspeltImmediateClaim_Is400AndTakesNoSeat()
    {
        var pool = await _server.CreatePoolAsync(1);

        var response = await RestExchange.SendAsync(_server.Http, "POST", RestSeatApi.Path(pool) + "/seats", "{\"email\": \"typo@example.com\", \"immediateClaimm\": true}");
        var after = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", "immediateClaimm");
        Assert.Equal("Invalid immediateClaimm: Unknown field: seats.v1.AssignSeatRequest has no such field.", status.Message);
        Assert.Equal(1, after.Pool.AvailableSeats);
    }

    [Theory]
    [InlineData("PUT", "/seats", """{"changes": [{"assign": {"grantee": {"emial": "a@example.com"}}}]}""", "changes[0].assign.grantee.emial")]
    [InlineData("PUT", "/seats", """{"changes": [{"unassign": {"grantee": {"email": "a@example.com"}}}, {"replace": {"currentGrantee": {"email": "a@example.com"}, "newGrantee": {"email": "b@example.com"}, "immediateClaimm": true}}]}""", "changes[1].replace.immediateClaimm")]
    [InlineData("PUT", "/seats", """{"changes": [{"assign": {"grantee": {"email": "a@example.com"}}, "remove": {}}]}""", "changes[0].remove")]
    [InlineData("PUT", "/seats", """{"changes": [], "dryRun": true}""", "dryRun")]
    [InlineData("PUT", "", """{"totalSeats": 2, "seatCount": 3}""", "pool.seatCount")]
    [InlineData("POST", "/seats", """{"email": "a@example.com", "metadata": {"team": "x"}, "meta": {}}""", "meta")]
    public async Task UnknownFieldAtAnyDepth_Is400NamingItsPath(string method, string suffix, string body, string field)
    {
        var pool = await _server.CreatePoolAsync(2);

        var response = await RestExchange.SendAsync(_server.Http, method, RestSeatApi.Path(pool) + suffix, body);

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", field);
        Assert.Contains("Unknown field", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralUnknownFields_AreAllNamed()
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/subscriptions/p1/seats", """{"emial": "a@example.com", "metadata": {}, "tags": ["x"]}""");

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD");
        Assert.Equal(["emial", "tags"], RpcStatusAssert.ViolatedFields(status));
        Assert.EndsWith("(and 1 more)", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"email": "n1@example.com", "immediateClaim": true, "externalCustomerId": "ext-1", "requestId": "9b2d7c1e-7f0a-4c8e-9a51-3f6d2b8e4a10"}""")]
    [InlineData("""{"email": "n1@example.com", "immediate_claim": true, "external_customer_id": "ext-1", "request_id": "9b2d7c1e-7f0a-4c8e-9a51-3f6d2b8e4a11"}""")]
    public async Task BothFieldNameForms_AreAccepted(string body)
    {
        var pool = await _server.CreatePoolAsync(1);

        var response = await RestExchange.SendAsync(_server.Http, "POST", RestSeatApi.Path(pool) + "/seats", body);

        var seat = response.Ok<AssignSeatResponse>().Seat;
        Assert.Equal((SeatStatus.Claimed, "ext-1"), (seat.Status, seat.ExternalCustomerId));
    }

    [Theory]
    [InlineData("newGrantee", "immediateClaim")]
    [InlineData("new_grantee", "immediate_claim")]
    public async Task BothFieldNameForms_AreAcceptedInNestedMessages(string grantee, string immediateClaim)
    {
        var pool = await _server.CreatePoolAsync(1);
        await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "old@example.com" }).ResponseAsync.WithTimeout();
        var body = $$$"""{"changes": [{"replace": {"current_grantee": {"email": "old@example.com"}, "{{{grantee}}}": {"email": "new@example.com"}, "{{{immediateClaim}}}": true}}]}""";

        var response = await RestExchange.SendAsync(_server.Http, "PUT", RestSeatApi.Path(pool) + "/seats", body);

        var seat = Assert.Single(response.Ok<BatchManageSeatsResponse>().Results).Seat;
        Assert.Equal(("new@example.com", SeatStatus.Claimed), (seat.Email, seat.Status));
    }

    [Theory]
    [InlineData("POST", "/seats", """{"email": 5}""", "email")]
    [InlineData("POST", "/seats", """{"email": {"address": "a@example.com"}}""", "email")]
    [InlineData("POST", "/seats", """{"email": "a@example.com", "immediateClaim": "yes"}""", "immediate_claim")]
    [InlineData("POST", "/seats", """{"email": "a@example.com", "immediateClaim": 1}""", "immediate_claim")]
    [InlineData("POST", "/seats", """{"email": "a@example.com", "metadata": ["a"]}""", "metadata")]
    [InlineData("POST", "/seats", """{"email": "a@example.com", "metadata": {"team": 7}}""", "metadata[\"team\"]")]
    [InlineData("POST", "/seats", """{"email": "a@example.com", "metadata": {"team": null}}""", "metadata[\"team\"]")]
    [InlineData("POST", "/seats", """{"email": "a\ud800@example.com"}""", "email")]
    [InlineData("PUT", "", """{"totalSeats": "3"}""", "pool.total_seats")]
    [InlineData("PUT", "", """{"totalSeats": 2.5}""", "pool.total_seats")]
    [InlineData("PUT", "", """{"totalSeats": 3000000000}""", "pool.total_seats")]
    [InlineData("PUT", "", """{"totalSeats": true}""", "pool.total_seats")]
    [InlineData("PUT", "", """{"totalSeats": 3, "createTime": 1700000000}""", "pool.create_time")]
    [InlineData("PUT", "", """{"totalSeats": 3, "createTime": "yesterday"}""", "pool.create_time")]
    [InlineData("PUT", "/seats", """{"changes": {"assign": {}}}""", "changes")]
    [InlineData("PUT", "/seats", """{"changes": [null]}""", "changes[0]")]
    [InlineData("PUT", "/seats", """{"changes": ["assign"]}""", "changes[0]")]
    [InlineData("PUT", "/seats", """{"changes": [{"assign": {"grantee": "a@example.com"}}]}""", "changes[0].assign.grantee")]
    public async Task ValueOfTheWrongType_Is400NamingTheField(string method, string suffix, string body, string field)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, "/v1/subscriptions/p1" + suffix, body);

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", field);
        Assert.StartsWith($"Invalid {field}: ", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"email": "twice@example.com", "email": "again@example.com"}""", "email")]
    [InlineData("""{"email": "twice@example.com", "immediateClaim": false, "immediate_claim": true}""", "immediate_claim")]
    [InlineData("""{"email": "twice@example.com", "requestId": null, "request_id": "9b2d7c1e-7f0a-4c8e-9a51-3f6d2b8e4a12"}""", "request_id")]
    public async Task FieldGivenTwice_Is400NamingIt(string body, string field)
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/subscriptions/p1/seats", body);

        response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", field);
    }

    [Fact]
    public async Task TwoMembersOfAOneof_Is400NamingTheSecond()
    {
        var body = """{"changes": [{"assign": {"grantee": {"email": "a@example.com"}}, "unassign": {"grantee": {"email": "b@example.com"}}}]}""";

        var response = await RestExchange.SendAsync(_server.Http, "PUT", "/v1/subscriptions/p1/seats", body);

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", "changes[0].unassign");
        Assert.Contains("Only one of assign, unassign, replace", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullFields_AreTheirDefaults()
    {
        var pool = await _server.CreatePoolAsync(1);
        var body = """{"email": "nulls@example.com", "customerId": null, "immediateClaim": null, "metadata": null, "requestId": null}""";

        var response = await RestExchange.SendAsync(_server.Http, "POST", RestSeatApi.Path(pool) + "/seats", body);

        var seat = response.Ok<AssignSeatResponse>().Seat;
        Assert.Equal(("nulls@example.com", string.Empty, SeatStatus.Pending), (seat.Email, seat.CustomerId, seat.Status));
        Assert.Empty(seat.Metadata);
    }

    [Fact]
    public async Task NullList_IsEmpty()
    {
        var pool = await _server.CreatePoolAsync(1);

        var response = await RestExchange.SendAsync(_server.Http, "PUT", RestSeatApi.Path(pool) + "/seats", """{"changes": null}""");

        // An empty batch is the service's own violation: the null reached it as an empty list.
        response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", "changes");
    }

    [Fact]
    public async Task TimestampStringAndEscapedNames_AreAccepted()
    {
        var name = _server.NewPoolName();

        // create_time is output only: well-formed, it is read and then ignored by the service.
        var response = await RestExchange.SendAsync(_server.Http, "PUT", RestSeatApi.Path(name), """{"total\u0053eats": 4, "createTime": "2020-01-01T00:00:00Z"}""");

        Assert.Equal(4, response.Ok<UpsertSeatPoolResponse>().Pool.TotalSeats);
    }
}
