using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>BatchManageSeats (PUT …/seats) through gRPC and REST.</summary>
public sealed class BatchManageSeatsParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public BatchManageSeatsParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task FailingThirdChange_NothingAppliedAndSameChangeIndex()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(5);
            await run.AssignAsync("kept@example.com", immediateClaim: true);
            run.Record("batch", await run.Api.BatchManageSeatsAsync(Batch(
                run.Pool,
                Assign("new1@example.com"),
                Replace("kept@example.com", "moved@example.com"),
                Unassign("nobody@example.com"))));
            run.Record("list after the failed batch", await run.Api.ListSeatsAsync(new ListSeatsRequest { Parent = run.Pool }));
        });

        var failed = (Google.Rpc.Status)runs.Rest.Steps[2].Message;
        Assert.Equal((int)StatusCode.NotFound, failed.Code);
        Assert.Equal(404, runs.Rest.Steps[2].HttpStatus);
        Assert.Equal("2", RpcStatusAssert.AssertReason(failed, "GRANTEE_NOT_SEATED").Metadata["change_index"]);
        var after = (ListSeatsResponse)runs.Rest.Steps[3].Message;
        Assert.Equal(["kept@example.com"], after.Seats.Select(s => s.Email));
        Assert.Equal(4, after.AvailableSeats);
    }

    [Fact]
    public async Task AssignReplaceUnassign_SameResultsAndAvailableSeats()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(3);
            await run.AssignAsync("leaving@example.com", immediateClaim: true);
            var assign = Assign("ops@example.com", immediateClaim: false);
            assign.Assign.Metadata.Add("team", "ops");
            run.Record("batch", await run.Api.BatchManageSeatsAsync(Batch(
                run.Pool,
                assign,
                Replace("leaving@example.com", "arriving@example.com"),
                Assign("temp@example.com"),
                Unassign("temp@example.com"))));
            run.Record("list", await run.Api.ListSeatsAsync(new ListSeatsRequest { Parent = run.Pool }));
        });

        var batch = (BatchManageSeatsResponse)runs.Rest.Steps[2].Message;
        Assert.Equal(4, batch.Results.Count);
        Assert.NotEmpty(batch.Results[0].InvitationToken);
        Assert.Equal("ops", batch.Results[0].Seat.Metadata["team"]);
        Assert.Equal(SeatStatus.Revoked, batch.Results[3].Seat.Status);
        Assert.Equal(1, batch.AvailableSeats);
        Assert.Equal(["ops@example.com", "arriving@example.com"], ((ListSeatsResponse)runs.Rest.Steps[3].Message).Seats.Select(s => s.Email));
    }

    internal static BatchManageSeatsRequest Batch(string parent, params SeatChange[] changes)
    {
        var request = new BatchManageSeatsRequest { Parent = parent };
        request.Changes.AddRange(changes);
        return request;
    }

    internal static SeatChange Assign(string email, bool immediateClaim = true) =>
        new() { Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = email }, ImmediateClaim = immediateClaim } };

    internal static SeatChange Unassign(string email) =>
        new() { Unassign = new SeatChange.Types.Unassign { Grantee = new Grantee { Email = email } } };

    internal static SeatChange Replace(string current, string next) => new()
    {
        Replace = new SeatChange.Types.Replace
        {
            CurrentGrantee = new Grantee { Email = current },
            NewGrantee = new Grantee { Email = next },
            ImmediateClaim = true,
        },
    };
}
