using System.Net;
using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>DELETE /v1/seats/{id} with its query parameters: <c>?etag=</c> and <c>?requestId=</c> (or <c>?request_id=</c>).</summary>
public sealed class DeleteQueryTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public DeleteQueryTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task DeleteWithStaleEtag_Is409ThenCurrentEtagRevokes()
    {
        var seat = await AssignAsync("etag@example.com");
        var resent = await _server.Client.ResendInvitationAsync(new ResendInvitationRequest { Name = seat.Name }).ResponseAsync.WithTimeout();

        var stale = await RestExchange.SendAsync(_server.Http, "DELETE", $"{RestSeatApi.Path(seat.Name)}?etag={Uri.EscapeDataString(seat.Etag)}");
        var current = await RestExchange.SendAsync(_server.Http, "DELETE", $"{RestSeatApi.Path(seat.Name)}?etag={Uri.EscapeDataString(resent.Seat.Etag)}");

        stale.Rejected(HttpStatusCode.Conflict, StatusCode.Aborted, "ETAG_MISMATCH");
        Assert.Equal(SeatStatus.Revoked, current.Ok<RevokeSeatResponse>().Seat.Status);
    }

    [Theory]
    [InlineData("requestId")]
    [InlineData("request_id")]
    public async Task DeleteRetriedWithRequestId_ReplaysTheFirstResult(string parameter)
    {
        var seat = await AssignAsync($"retry-{parameter}@example.com");
        var url = $"{RestSeatApi.Path(seat.Name)}?{parameter}={Guid.NewGuid()}&etag={Uri.EscapeDataString(seat.Etag)}";

        var first = await RestExchange.SendAsync(_server.Http, "DELETE", url);
        var retried = await RestExchange.SendAsync(_server.Http, "DELETE", url);

        Assert.Equal(SeatStatus.Revoked, first.Ok<RevokeSeatResponse>().Seat.Status);
        Assert.Equal(first.Ok<RevokeSeatResponse>().Seat, retried.Ok<RevokeSeatResponse>().Seat);
    }

    [Fact]
    public async Task DeleteWithInvalidRequestId_Is400FieldViolation()
    {
        var seat = await AssignAsync("bad-id@example.com");

        var response = await RestExchange.SendAsync(_server.Http, "DELETE", $"{RestSeatApi.Path(seat.Name)}?requestId=not-a-uuid");

        response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", "request_id");
    }

    private async Task<Seat> AssignAsync(string email)
    {
        var pool = await _server.CreatePoolAsync(2);
        var assigned = await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = email }).ResponseAsync.WithTimeout();
        return assigned.Seat;
    }
}
