using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>UpsertSeatPool (PUT with <c>body: "pool"</c>) and GetSeatPool through gRPC and REST.</summary>
public sealed class SeatPoolParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public SeatPoolParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task UpsertResizeAndShrinkBelowOccupied_SamePoolsAndSameRejection()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            var customer = run.Customer("owner");
            run.Record("create", await run.Api.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = run.Pool, TotalSeats = 3, CustomerId = customer, MinSeats = 1, MaxSeats = 10 },
            }));
            await run.AssignAsync("one@example.com");
            await run.AssignAsync("two@example.com", immediateClaim: true);
            run.Record("grow", await run.Api.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = run.Pool, TotalSeats = 5, CustomerId = customer, MinSeats = 1, MaxSeats = 10 },
            }));
            run.Record("shrink below occupied", await run.Api.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = run.Pool, TotalSeats = 1, CustomerId = customer, MinSeats = 1, MaxSeats = 10 },
            }));
            run.Record("above max", await run.Api.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = run.Pool, TotalSeats = 11, CustomerId = customer, MinSeats = 1, MaxSeats = 10 },
            }));
            run.Record("get", await run.Api.GetSeatPoolAsync(new GetSeatPoolRequest { Name = run.Pool }));
            run.Record("get unknown", await run.Api.GetSeatPoolAsync(new GetSeatPoolRequest { Name = run.NewPool() }));
        });

        var steps = runs.Rest.Steps;
        var grown = ((UpsertSeatPoolResponse)steps[3].Message).Pool;
        Assert.Equal((5, 2, 3), (grown.TotalSeats, grown.OccupiedSeats, grown.AvailableSeats));
        var shrink = (Google.Rpc.Status)steps[4].Message;
        Assert.Equal((int)StatusCode.FailedPrecondition, shrink.Code);
        Assert.Equal(400, steps[4].HttpStatus);
        RpcStatusAssert.AssertReason(shrink, "POOL_BELOW_OCCUPIED");
        RpcStatusAssert.AssertReason((Google.Rpc.Status)steps[5].Message, "POOL_BOUNDS_VIOLATED");
        var pool = ((GetSeatPoolResponse)steps[6].Message).Pool;
        Assert.Equal((5, 1, 10), (pool.TotalSeats, pool.MinSeats, pool.MaxSeats));
        Assert.Equal(grown.Etag, pool.Etag);
        Assert.Equal(404, steps[7].HttpStatus);
        RpcStatusAssert.AssertReason((Google.Rpc.Status)steps[7].Message, "POOL_NOT_FOUND");
    }
}
