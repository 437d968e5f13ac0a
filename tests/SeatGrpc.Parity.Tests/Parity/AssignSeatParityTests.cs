using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>AssignSeat until the pool is full, through gRPC and REST.</summary>
public sealed class AssignSeatParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public AssignSeatParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task AssignUntilFull_SameSeatsThenSameNoSeatsAvailableStatus()
    {
        var (grpc, rest) = await ParityRunner.RunAsync(_server, async run =>
        {
            run.Record("upsert", await run.Api.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = run.Pool, TotalSeats = 2 } }));
            run.Record("assign ada", await run.Api.AssignSeatAsync(new AssignSeatRequest
            {
                Parent = run.Pool,
                Email = "ada@example.com",
                Metadata = { ["team"] = "compilers", ["role"] = "lead" },
            }));
            run.Record("assign bob (immediate claim)", await run.Api.AssignSeatAsync(new AssignSeatRequest
            {
                Parent = run.Pool,
                CustomerId = run.Customer("bob"),
                ExternalCustomerId = "ext-bob",
                ImmediateClaim = true,
            }));
            run.Record("assign cy (full)", await run.Api.AssignSeatAsync(new AssignSeatRequest { Parent = run.Pool, Email = "cy@example.com" }));
            run.Record("pool", await run.Api.GetSeatPoolAsync(new GetSeatPoolRequest { Name = run.Pool }));
        });

        // The trace is right, not only equal: checked on the REST run (the gRPC one equals it).
        var full = Assert.IsType<Google.Rpc.Status>(rest.Steps[3].Message);
        Assert.Equal((int)StatusCode.FailedPrecondition, full.Code);
        Assert.Equal(400, rest.Steps[3].HttpStatus);
        RpcStatusAssert.AssertReason(full, "NO_SEATS_AVAILABLE");
        var ada = Assert.IsType<AssignSeatResponse>(rest.Steps[1].Message);
        Assert.Equal(SeatStatus.Pending, ada.Seat.Status);
        Assert.NotEmpty(ada.InvitationToken);
        Assert.Equal("compilers", ada.Seat.Metadata["team"]);
        var bob = Assert.IsType<AssignSeatResponse>(grpc.Steps[2].Message);
        Assert.Equal(SeatStatus.Claimed, bob.Seat.Status);
        Assert.Empty(bob.InvitationToken);
        var pool = Assert.IsType<GetSeatPoolResponse>(rest.Steps[4].Message).Pool;
        Assert.Equal((2, 2, 0), (pool.TotalSeats, pool.OccupiedSeats, pool.AvailableSeats));
    }
}
