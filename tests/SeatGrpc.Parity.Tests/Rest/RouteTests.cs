using System.Net;
using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>The routes of the real contract: custom verbs, HEAD and wrong methods (405 with Allow), unknown paths (404).</summary>
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

    [Theory]
    [InlineData("HEAD", "/v1/subscriptions/p1", "GET, PUT")]
    [InlineData("PATCH", "/v1/seats/s1", "DELETE, GET")]
    [InlineData("POST", "/v1/seats/s1", "DELETE, GET")]
    [InlineData("DELETE", "/v1/subscriptions/p1/seats", "GET, POST, PUT")]
    [InlineData("GET", "/v1/seats:claim", "POST")]
    [InlineData("GET", "/v1/seats/s1:resendInvitation", "POST")]
    [InlineData("POST", "/v1/subscriptions/p1/seatEvents:watch", "GET")]
    public async Task WrongMethod_Is405WithAllow(string method, string path, string allow)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, path, method is "POST" or "PATCH" ? "{}" : null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(allow, string.Join(", ", response.ContentHeaders.Allow));
        if (method != "HEAD")
        {
            response.Rejected(HttpStatusCode.MethodNotAllowed, StatusCode.Unimplemented, "METHOD_NOT_ALLOWED");
        }
        else
        {
            Assert.Empty(response.Body);
        }
    }

    [Theory]
    [InlineData("GET", "/v1/nothing/here")]
    [InlineData("GET", "/v1/subscriptions")]
    [InlineData("GET", "/v1/seats/s1/extra")]
    [InlineData("POST", "/v1/seats:bogusVerb")]
    [InlineData("GET", "/v2/seats/s1")]
    public async Task UnknownPath_Is404RouteNotFound(string method, string path)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, path, method == "POST" ? "{}" : null);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        if (path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            response.Rejected(HttpStatusCode.NotFound, StatusCode.NotFound, "ROUTE_NOT_FOUND");
        }
    }
}
