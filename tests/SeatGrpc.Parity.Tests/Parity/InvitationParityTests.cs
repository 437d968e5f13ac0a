using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>ResendInvitation (<c>:resendInvitation</c>) and ClaimSeat (<c>seats:claim</c>) through gRPC and REST.</summary>
public sealed class InvitationParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public InvitationParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task ResendThenClaim_OldTokenRejectedNewTokenClaimsOnce()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(2);
            var assigned = await run.AssignAsync("invitee@example.com");
            var resent = run.Record("resend", await run.Api.ResendInvitationAsync(new ResendInvitationRequest { Name = assigned.Seat.Name })).Ok;
            run.Record("claim with the old token", await run.Api.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }));
            run.Record("claim with the new token", await run.Api.ClaimSeatAsync(new ClaimSeatRequest
            {
                InvitationToken = resent.InvitationToken,
                CustomerId = run.Customer("invitee"),
            }));
            run.Record("claim again", await run.Api.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = resent.InvitationToken }));
            run.Record("resend a claimed seat", await run.Api.ResendInvitationAsync(new ResendInvitationRequest { Name = assigned.Seat.Name }));
            run.Record("get", await run.Api.GetSeatAsync(new GetSeatRequest { Name = assigned.Seat.Name }));
        });

        var steps = runs.Rest.Steps;
        var assigned = (AssignSeatResponse)steps[1].Message;
        var resent = (ResendInvitationResponse)steps[2].Message;
        Assert.NotEqual(assigned.InvitationToken, resent.InvitationToken);
        Assert.NotEqual(assigned.Seat.Etag, resent.Seat.Etag);
        AssertRejected(steps[3], StatusCode.FailedPrecondition, "INVALID_INVITATION_TOKEN");
        var claimed = ((ClaimSeatResponse)steps[4].Message).Seat;
        Assert.Equal(SeatStatus.Claimed, claimed.Status);
        Assert.NotNull(claimed.ClaimTime);
        Assert.StartsWith("invitee-", claimed.CustomerId, StringComparison.Ordinal);
        AssertRejected(steps[5], StatusCode.FailedPrecondition, "INVALID_INVITATION_TOKEN");
        AssertRejected(steps[6], StatusCode.FailedPrecondition, "SEAT_NOT_PENDING");
        Assert.Equal(claimed, ((GetSeatResponse)steps[7].Message).Seat);
    }

    private static void AssertRejected((string Step, Google.Protobuf.IMessage Message, int? HttpStatus) step, StatusCode code, string reason)
    {
        var status = Assert.IsType<Google.Rpc.Status>(step.Message);
        Assert.Equal((int)code, status.Code);
        Assert.Equal(400, step.HttpStatus);
        RpcStatusAssert.AssertReason(status, reason);
    }
}
