using System.Net;
using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>
/// Query strings and bodies refused before SeatService sees them (RestRequestGuard, in front of JSON transcoding):
/// a google.rpc.Status body with ErrorInfo (domain seats.v1) naming what is wrong, never a 500.
/// </summary>
public sealed class RequestRejectionTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public RequestRejectionTests(ParityServer server)
    {
        _server = server;
    }

    [Theory]
    [InlineData("GET", "/v1/subscriptions/p1/seats?bogus=1", "bogus")]
    [InlineData("GET", "/v1/subscriptions/p1/seats?page_size=1&pageSize=2", "page_size")]
    [InlineData("DELETE", "/v1/seats/s1?etag=1&etag=2", "etag")]
    [InlineData("GET", "/v1/subscriptions/p1/seats?parent=subscriptions/p2", "parent")]
    [InlineData("GET", "/v1/subscriptions/p1/seats?seats.name=x", "seats.name")]
    [InlineData("GET", "/v1/seats/s1?name=seats/s2", "name")]
    public async Task BadQueryParameter_Is400NamingIt(string method, string url, string field)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, url);

        response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", field);
    }

    [Fact]
    public async Task UnknownQueryParameter_Is400NamingItAndTheParametersTheMethodTakes()
    {
        var response = await RestExchange.SendAsync(_server.Http, "GET", "/v1/subscriptions/p1/seats?expand=true");

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", "expand");
        Assert.Contains("page_size, page_token, status", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameterOnWholeBodyMethod_Is400SetByTheBody()
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/seats:claim?requestId=x", "{\"invitationToken\": \"t\"}");

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", "request_id");
        Assert.Contains("JSON body", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/subscriptions/p1/seats?pageSize=ten", "page_size")]
    [InlineData("/v1/subscriptions/p1/seats?page_size=99999999999", "page_size")]
    [InlineData("/v1/subscriptions/p1/seats?status=PENDING", "status")]
    [InlineData("/v1/subscriptions/p1/seats?status=9", "status")]
    [InlineData("/v1/subscriptions/p1/seatEvents:watch?afterSequence=1.5", "after_sequence")]
    public async Task QueryValueOfTheWrongType_Is400NamingIt(string url, string field)
    {
        var response = await RestExchange.SendAsync(_server.Http, "GET", url);

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", field);
        Assert.StartsWith($"Invalid {field}: Must be ", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageSize=1&status=SEAT_STATUS_PENDING")]
    [InlineData("page_size=1&status=1")]
    public async Task QueryParameters_TakeBothNameFormsAndEnumsByNameOrNumber(string query)
    {
        var pool = await _server.CreatePoolAsync(3);
        await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "q1@example.com" }).ResponseAsync.WithTimeout();
        await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "q2@example.com", ImmediateClaim = true }).ResponseAsync.WithTimeout();
        await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "q3@example.com" }).ResponseAsync.WithTimeout();

        var response = await RestExchange.SendAsync(_server.Http, "GET", $"{RestSeatApi.Path(pool)}/seats?{query}");

        var listed = response.Ok<ListSeatsResponse>();
        Assert.Equal(["q1@example.com"], listed.Seats.Select(s => s.Email));
        Assert.NotEmpty(listed.NextPageToken);
    }

    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("not json")]
    [InlineData("{\"email\": \"x@example.com\",}")]
    [InlineData("{'email': 'x@example.com'}")]
    [InlineData("{\"email\": \"x@example.com\"} {}")]
    [InlineData("{\"email\": \"x@example.com\" /* a comment */}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"x@example.com\"")]
    public async Task MalformedJson_Is400MalformedJson(string body)
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/subscriptions/p1/seats", body);

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "MALFORMED_JSON");
        Assert.StartsWith("The body ", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyThatIsNotUtf8_Is400MalformedJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/subscriptions/p1/seats", UriKind.Relative))
        {
            Content = new ByteArrayContent([.. "{\"email\": \""u8, 0xFF, .. "@example.com\"}"u8]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await RestExchange.SendAsync(_server.Http, request);

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "MALFORMED_JSON");
        Assert.Contains("UTF-8", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBody_Is400SaysSendBraces()
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/seats:claim");

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "MALFORMED_JSON");
        Assert.Contains("send {}", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task WrongContentType_Is415(string? contentType)
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/seats:claim", "{\"invitationToken\": \"t\"}", contentType);

        response.Rejected(HttpStatusCode.UnsupportedMediaType, StatusCode.InvalidArgument, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task JsonContentTypes_AreAccepted(string contentType)
    {
        var pool = await _server.CreatePoolAsync(1);

        var response = await RestExchange.SendAsync(_server.Http, "POST", RestSeatApi.Path(pool) + "/seats", "{\"email\": \"ct@example.com\"}", contentType);

        Assert.Equal("ct@example.com", response.Ok<AssignSeatResponse>().Seat.Email);
    }
}
