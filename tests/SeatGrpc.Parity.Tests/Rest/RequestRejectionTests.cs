using System.Net;
using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>Query strings and bodies the gateway refuses before SeatService sees them: a status body, never a 500.</summary>
public sealed class RequestRejectionTests : IClassFixture<ParityServer>
{
    private static readonly string[] MalformedReasons = ["MALFORMED_JSON", "INVALID_JSON_BODY"];

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
    public async Task BadQueryParameter_Is400NamingIt(string method, string url, string field)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, url);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var status = RestJson.ParseStatus(response.Body);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal([field], RpcStatusAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task UnknownQueryParameter_Is400UnknownQueryParameter()
    {
        var response = await RestExchange.SendAsync(_server.Http, "GET", "/v1/seats/s1?expand=true");

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "UNKNOWN_QUERY_PARAMETER", "expand");
        Assert.Contains("'expand'", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParameterOnWholeBodyMethod_Is400()
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/seats:claim?requestId=x", "{\"invitationToken\": \"t\"}");

        response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "UNKNOWN_QUERY_PARAMETER", "requestId");
    }

    [Theory]
    [InlineData("{\"email\": 5}")]
    [InlineData("{\"immediateClaim\": \"yes\"}")]
    [InlineData("{\"metadata\": [\"a\"]}")]
    [InlineData("{\"email\": \"x@example.com\", \"seatCount\": 2}")]
    public async Task WrongTypeOrUnknownField_Is400InvalidJsonBody(string body)
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/subscriptions/p1/seats", body);

        response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_JSON_BODY");
    }

    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("not json")]
    [InlineData("{\"email\": \"x@example.com\",}")]
    [InlineData("{'email': 'x@example.com'}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task MalformedJson_Is400Never500(string body)
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/subscriptions/p1/seats", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var status = RestJson.ParseStatus(response.Body);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        var info = status.GetDetail<Google.Rpc.ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("seats.v1", info.Domain);
        Assert.Contains(info.Reason, MalformedReasons);
    }

    [Fact]
    public async Task MissingBody_Is400MissingBody()
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/seats:claim");

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "MISSING_BODY");
        Assert.Contains("send {}", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task WrongContentType_Is415(string contentType)
    {
        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/seats:claim", "{\"invitationToken\": \"t\"}", contentType);

        response.Rejected(HttpStatusCode.UnsupportedMediaType, StatusCode.InvalidArgument, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task OversizeBody_Is413ResourceExhausted()
    {
        // Valid JSON, one byte over the 4 MiB limit (the gRPC receive limit).
        var body = "{\"email\": \"" + new string('a', (4 * 1024 * 1024) - 12) + "\"}";

        var response = await RestExchange.SendAsync(_server.Http, "POST", "/v1/subscriptions/p1/seats", body);

        Assert.Equal((4 * 1024 * 1024) + 1, System.Text.Encoding.UTF8.GetByteCount(body));
        response.Rejected(HttpStatusCode.RequestEntityTooLarge, StatusCode.ResourceExhausted, "BODY_TOO_LARGE");
    }
}
