using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>ListSeats and GetSeat through gRPC and REST.</summary>
public sealed class ListSeatsParityTests : IClassFixture<ParityServer>
{
    private static readonly string[] Names = ["a", "b", "c", "d", "e"];

    private readonly ParityServer _server;

    public ListSeatsParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task ListSeats_PagesFollowedByToken_SamePagesAndCounts()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(6);
            foreach (var name in Names)
            {
                await run.AssignAsync($"{name}@example.com", immediateClaim: name is "b" or "d");
            }

            var token = string.Empty;
            var page = 0;
            do
            {
                var listed = run.Record($"page {++page}", await run.Api.ListSeatsAsync(new ListSeatsRequest { Parent = run.Pool, PageSize = 2, PageToken = token })).Ok;
                token = listed.NextPageToken;
            }
            while (token.Length > 0 && page < 10);

            run.Record("claimed only", await run.Api.ListSeatsAsync(new ListSeatsRequest { Parent = run.Pool, Status = SeatStatus.Claimed }));
            run.Record("default page size", await run.Api.ListSeatsAsync(new ListSeatsRequest { Parent = run.Pool }));
        });

        // Three pages of 2, 2 and 1 seats cover the five seats once each, oldest first.
        var pages = runs.Rest.Steps.Where(s => s.Step.StartsWith("page ", StringComparison.Ordinal)).Select(s => (ListSeatsResponse)s.Message).ToList();
        Assert.Equal([2, 2, 1], pages.Select(p => p.Seats.Count));
        Assert.Equal(
            ["a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com"],
            pages.SelectMany(p => p.Seats).Select(s => s.Email));
        Assert.All(pages, p => Assert.Equal((6, 1), (p.TotalSeats, p.AvailableSeats)));
        Assert.Empty(pages[^1].NextPageToken);
        var claimed = (ListSeatsResponse)runs.Rest.Steps.Single(s => s.Step == "claimed only").Message;
        Assert.Equal(["b@example.com", "d@example.com"], claimed.Seats.Select(s => s.Email));
    }

    [Fact]
    public async Task ListSeats_TokenOfAnotherQuery_SameInvalidPageTokenStatus()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(3);
            await run.AssignAsync("a@example.com");
            await run.AssignAsync("b@example.com");
            var first = run.Record("page 1", await run.Api.ListSeatsAsync(new ListSeatsRequest { Parent = run.Pool, PageSize = 1 })).Ok;
            run.Record("token with another status", await run.Api.ListSeatsAsync(new ListSeatsRequest
            {
                Parent = run.Pool,
                PageSize = 1,
                PageToken = first.NextPageToken,
                Status = SeatStatus.Revoked,
            }));
        });

        var status = (Google.Rpc.Status)runs.Rest.Steps[^1].Message;
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        RpcStatusAssert.AssertReason(status, "INVALID_PAGE_TOKEN");
        Assert.Equal(["page_token"], RpcStatusAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task GetSeat_KnownAndUnknown_SameSeatAndSameNotFound()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(2);
            var assigned = await run.AssignAsync("get@example.com");
            run.Record("get", await run.Api.GetSeatAsync(new GetSeatRequest { Name = assigned.Seat.Name }));
            run.Record("get unknown", await run.Api.GetSeatAsync(new GetSeatRequest { Name = "seats/does-not-exist" }));
        });

        var assignedSeat = ((AssignSeatResponse)runs.Rest.Steps[1].Message).Seat;
        Assert.Equal(assignedSeat, ((GetSeatResponse)runs.Rest.Steps[2].Message).Seat);
        var missing = (Google.Rpc.Status)runs.Rest.Steps[3].Message;
        Assert.Equal((int)StatusCode.NotFound, missing.Code);
        Assert.Equal(404, runs.Rest.Steps[3].HttpStatus);
        RpcStatusAssert.AssertReason(missing, "SEAT_NOT_FOUND");
    }
}
