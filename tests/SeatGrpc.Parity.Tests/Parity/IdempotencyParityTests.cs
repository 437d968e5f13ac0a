using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>
/// Retries with the same <c>request_id</c> through gRPC and REST (a body field, or a query parameter where the
/// body is not the whole request: DELETE, and UpsertSeatPool whose body is the pool).
/// </summary>
public sealed class IdempotencyParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public IdempotencyParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task RetriedMutations_FirstResultReplayedNothingChanged()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            var upsertId = Guid.NewGuid().ToString();
            var upsert = new UpsertSeatPoolRequest { Pool = new SeatPool { Name = run.Pool, TotalSeats = 3 }, RequestId = upsertId };
            run.Record("upsert", await run.Api.UpsertSeatPoolAsync(upsert));
            run.Record("upsert retried", await run.Api.UpsertSeatPoolAsync(upsert));

            var assign = new AssignSeatRequest { Parent = run.Pool, Email = "retry@example.com", RequestId = Guid.NewGuid().ToString() };
            var assigned = run.Record("assign", await run.Api.AssignSeatAsync(assign)).Ok;
            run.Record("assign retried", await run.Api.AssignSeatAsync(assign));
            run.Record("assign id reused for another request", await run.Api.AssignSeatAsync(new AssignSeatRequest
            {
                Parent = run.Pool,
                Email = "other@example.com",
                RequestId = assign.RequestId,
            }));

            var batch = BatchManageSeatsParityTests.Batch(run.Pool, BatchManageSeatsParityTests.Assign("batch@example.com"));
            batch.RequestId = Guid.NewGuid().ToString();
            run.Record("batch", await run.Api.BatchManageSeatsAsync(batch));
            run.Record("batch retried", await run.Api.BatchManageSeatsAsync(batch));

            var revoke = new RevokeSeatRequest { Name = assigned.Seat.Name, RequestId = Guid.NewGuid().ToString() };
            run.Record("revoke", await run.Api.RevokeSeatAsync(revoke));
            run.Record("revoke retried", await run.Api.RevokeSeatAsync(revoke));
            run.Record("pool", await run.Api.GetSeatPoolAsync(new GetSeatPoolRequest { Name = run.Pool }));
        });

        var steps = runs.Rest.Steps;
        Assert.Equal(((UpsertSeatPoolResponse)steps[0].Message).Pool, ((UpsertSeatPoolResponse)steps[1].Message).Pool);
        var first = (AssignSeatResponse)steps[2].Message;
        var replay = (AssignSeatResponse)steps[3].Message;
        Assert.Equal(first.Seat, replay.Seat);
        Assert.NotEmpty(first.InvitationToken);
        Assert.Empty(replay.InvitationToken);
        var reused = (Google.Rpc.Status)steps[4].Message;
        Assert.Equal((int)StatusCode.InvalidArgument, reused.Code);
        RpcStatusAssert.AssertReason(reused, "REQUEST_ID_REUSED");
        Assert.Equal(((BatchManageSeatsResponse)steps[5].Message).Results[0].Seat, ((BatchManageSeatsResponse)steps[6].Message).Results[0].Seat);
        Assert.Equal(((RevokeSeatResponse)steps[7].Message).Seat, ((RevokeSeatResponse)steps[8].Message).Seat);
        var pool = ((GetSeatPoolResponse)steps[9].Message).Pool;
        Assert.Equal((3, 1), (pool.TotalSeats, pool.OccupiedSeats));
    }
}
