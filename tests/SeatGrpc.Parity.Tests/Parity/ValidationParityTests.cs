using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>Invalid fields through gRPC and REST: the same INVALID_FIELD status with the same BadRequest violations.</summary>
public sealed class ValidationParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public ValidationParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task InvalidFields_SameFieldViolations()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(2);
            run.Record("assign", await run.Api.AssignSeatAsync(new AssignSeatRequest
            {
                Parent = run.Pool,
                Email = "not an email",
                Metadata = { [new string('k', 41)] = "v", ["ok"] = new string('v', 501) },
                RequestId = "not-a-uuid",
            }));
            run.Record("assign without grantee", await run.Api.AssignSeatAsync(new AssignSeatRequest { Parent = run.Pool }));
            run.Record("list", await run.Api.ListSeatsAsync(new ListSeatsRequest { Parent = run.Pool, PageSize = 1001 }));
            var batch = BatchManageSeatsParityTests.Batch(
                run.Pool,
                BatchManageSeatsParityTests.Assign("fine@example.com"),
                new SeatChange { Assign = new SeatChange.Types.Assign { Grantee = new Grantee() } },
                BatchManageSeatsParityTests.Replace("a@example.com", "b@@example.com"));
            run.Record("batch", await run.Api.BatchManageSeatsAsync(batch));
            run.Record("upsert", await run.Api.UpsertSeatPoolAsync(new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = run.Pool, TotalSeats = -1, MinSeats = -2 },
            }));
            run.Record("claim", await run.Api.ClaimSeatAsync(new ClaimSeatRequest { CustomerId = "bad id!" }));
        });

        foreach (var step in runs.Rest.Steps.Skip(1))
        {
            var status = Assert.IsType<Google.Rpc.Status>(step.Message);
            Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
            Assert.Equal(400, step.HttpStatus);
            RpcStatusAssert.AssertReason(status, "INVALID_FIELD");
        }

        var assign = (Google.Rpc.Status)runs.Rest.Steps[1].Message;
        Assert.Equal(4, RpcStatusAssert.ViolatedFields(assign).Count);
        Assert.Contains("email", RpcStatusAssert.ViolatedFields(assign));
        Assert.Contains("request_id", RpcStatusAssert.ViolatedFields(assign));
        var batch = (Google.Rpc.Status)runs.Rest.Steps[4].Message;
        Assert.Contains(RpcStatusAssert.ViolatedFields(batch), f => f.StartsWith("changes[1]", StringComparison.Ordinal));
        Assert.Contains(RpcStatusAssert.ViolatedFields(batch), f => f.StartsWith("changes[2]", StringComparison.Ordinal));
    }
}
