using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>RevokeSeat through gRPC and REST (DELETE with <c>?etag=</c>).</summary>
public sealed class RevokeSeatParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public RevokeSeatParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task RevokeTwice_SecondReturnsTheSeatUnchanged()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(1);
            var seat = (await run.AssignAsync("gone@example.com")).Seat;
            run.Record("revoke", await run.Api.RevokeSeatAsync(new RevokeSeatRequest { Name = seat.Name }));
            run.Record("revoke again", await run.Api.RevokeSeatAsync(new RevokeSeatRequest { Name = seat.Name }));
            run.Record("pool", await run.Api.GetSeatPoolAsync(new GetSeatPoolRequest { Name = run.Pool }));
            run.Record("assign after revoke", await run.Api.AssignSeatAsync(new AssignSeatRequest { Parent = run.Pool, Email = "next@example.com" }));
        });

        var first = ((RevokeSeatResponse)runs.Rest.Steps[2].Message).Seat;
        var second = ((RevokeSeatResponse)runs.Rest.Steps[3].Message).Seat;
        Assert.Equal(SeatStatus.Revoked, first.Status);
        Assert.NotNull(first.RevokeTime);
        Assert.Equal(first, second);
        Assert.Equal(1, ((GetSeatPoolResponse)runs.Rest.Steps[4].Message).Pool.AvailableSeats);
        Assert.IsType<AssignSeatResponse>(runs.Rest.Steps[5].Message);
    }

    [Fact]
    public async Task RevokeWithEtag_StaleAbortedCurrentRevokes()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(2);
            var assigned = await run.AssignAsync("etag@example.com");
            var resent = run.Record("resend", await run.Api.ResendInvitationAsync(new ResendInvitationRequest { Name = assigned.Seat.Name })).Ok;
            run.Record("revoke with stale etag", await run.Api.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name, Etag = assigned.Seat.Etag }));
            run.Record("revoke with current etag", await run.Api.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name, Etag = resent.Seat.Etag }));
            run.Record("revoke unknown", await run.Api.RevokeSeatAsync(new RevokeSeatRequest { Name = "seats/nope" }));
        });

        var stale = (Google.Rpc.Status)runs.Rest.Steps[3].Message;
        Assert.Equal((int)StatusCode.Aborted, stale.Code);
        Assert.Equal(409, runs.Rest.Steps[3].HttpStatus);
        RpcStatusAssert.AssertReason(stale, "ETAG_MISMATCH");
        Assert.Equal(SeatStatus.Revoked, ((RevokeSeatResponse)runs.Rest.Steps[4].Message).Seat.Status);
        RpcStatusAssert.AssertReason((Google.Rpc.Status)runs.Rest.Steps[5].Message, "SEAT_NOT_FOUND");
    }
}
