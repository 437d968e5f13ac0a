using System.Net;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>
/// The routes of the real contract as ASP.NET Core routing serves JSON transcoding's endpoints: custom verbs, wrong
/// methods (405 with Allow, empty body), HEAD (405), unknown paths (404, empty body).
/// </summary>
public sealed class RouteTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public RouteTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task ResendInvitationAndClaimVerbs_RouteToTheirRpcs()
    {
        var pool = await _server.CreatePoolAsync(1);
        var assigned = await RestExchange.SendAsync(_server.Http, "POST", RestSeatApi.Path(pool) + "/seats", "{\"email\": \"verb@example.com\"}");
        var seat = assigned.Ok<AssignSeatResponse>().Seat;

        var resent = await RestExchange.SendAsync(_server.Http, "POST", RestSeatApi.Path(seat.Name) + ":resendInvitation", "{}");
        var token = resent.Ok<ResendInvitationResponse>().InvitationToken;
        var claimed = await RestExchange.SendAsync(_server.Http, "POST", "/v1/seats:claim", $"{{\"invitation_token\": \"{token}\"}}");

        Assert.Equal(seat.Name, resent.Ok<ResendInvitationResponse>().Seat.Name);
        Assert.NotEmpty(token);
        Assert.Equal(SeatStatus.Claimed, claimed.Ok<ClaimSeatResponse>().Seat.Status);
        Assert.Equal(seat.Name, claimed.Ok<ClaimSeatResponse>().Seat.Name);
    }

    // Allow lists the methods of every route whose path pattern matches, before the :verb is compared: a seat's path
    // also matches POST {name=seats/*}:resendInvitation, so POST is listed, though POST without the verb is 404.
    [Theory]
    [InlineData("HEAD", "/v1/subscriptions/p1", "GET, PUT")]
    [InlineData("HEAD", "/v1/seats/s1", "DELETE, GET, POST")]
    [InlineData("PATCH", "/v1/seats/s1", "DELETE, GET, POST")]
    [InlineData("DELETE", "/v1/subscriptions/p1/seats", "GET, POST, PUT")]
    [InlineData("POST", "/v1/subscriptions/p1/seatEvents:watch", "GET")]
    public async Task WrongMethod_Is405WithAllowAndNoBody(string method, string path, string allow)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, path, method is "POST" or "PATCH" ? "{}" : null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(allow, string.Join(", ", response.ContentHeaders.Allow));
        Assert.Empty(response.Body);
    }

    [Theory]
    [InlineData("GET", "/v1/nothing/here")]
    [InlineData("GET", "/v1/subscriptions")]
    [InlineData("GET", "/v1/seats/s1/extra")]
    [InlineData("POST", "/v1/seats:bogusVerb")]
    [InlineData("POST", "/v1/seats/s1")]
    [InlineData("GET", "/v1/seats:claim")]
    [InlineData("GET", "/v2/seats/s1")]
    public async Task UnknownPathOrVerb_Is404WithNoBody(string method, string path)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, path, method == "POST" ? "{}" : null);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task VerbOfAnotherMethod_IsReadAsPartOfTheId()
    {
        // GET /v1/{name=seats/*} matches with name "seats/s1:resendInvitation", which SeatService refuses.
        var response = await RestExchange.SendAsync(_server.Http, "GET", "/v1/seats/s1:resendInvitation");

        response.Rejected(HttpStatusCode.BadRequest, Grpc.Core.StatusCode.InvalidArgument, "INVALID_FIELD", "name");
    }
}
