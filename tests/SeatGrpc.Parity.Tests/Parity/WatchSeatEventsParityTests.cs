using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Parity;

/// <summary>WatchSeatEvents: the gRPC server stream against the REST NDJSON stream.</summary>
public sealed class WatchSeatEventsParityTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public WatchSeatEventsParityTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task StoredThenLiveEvents_SameEventsInSameOrder()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(3);
            var first = await run.AssignAsync("first@example.com");
            using var cts = new CancellationTokenSource(ParityRunner.ScenarioTimeout);
            await using var watch = await run.Api.WatchSeatEventsAsync(new WatchSeatEventsRequest { Parent = run.Pool }, cts.Token);
            await RecordEventsAsync(run, watch, "stored", 2);

            // Live: each change is committed while the stream is open.
            run.Record("revoke", await run.Api.RevokeSeatAsync(new RevokeSeatRequest { Name = first.Seat.Name, RequestId = Guid.NewGuid().ToString() }));
            run.Record("batch", await run.Api.BatchManageSeatsAsync(BatchManageSeatsParityTests.Batch(
                run.Pool,
                BatchManageSeatsParityTests.Assign("x@example.com"),
                BatchManageSeatsParityTests.Replace("x@example.com", "y@example.com"))));
            await run.UpsertPoolAsync(4);
            await RecordEventsAsync(run, watch, "live", 4);
        });

        var events = runs.Rest.Steps.Where(s => s.Step.StartsWith("stored", StringComparison.Ordinal) || s.Step.StartsWith("live", StringComparison.Ordinal))
            .Select(s => ((WatchSeatEventsResponse)s.Message).Event).ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6], events.Select(e => e.Sequence));
        Assert.Equal(
            [SeatEventType.PoolResized, SeatEventType.Assigned, SeatEventType.Revoked, SeatEventType.Assigned, SeatEventType.Replaced, SeatEventType.PoolResized],
            events.Select(e => e.Type));
        Assert.Equal("first@example.com", events[2].Grantee.Email);
        Assert.NotEmpty(events[2].RequestId);
        Assert.Equal("x@example.com", events[4].PreviousGrantee.Email);
        Assert.Equal(4, events[5].TotalSeats);
    }

    [Fact]
    public async Task AfterSequenceAndUnknownPool_SameEventsAndSameNotFound()
    {
        var runs = await ParityRunner.RunAsync(_server, async run =>
        {
            await run.UpsertPoolAsync(3);
            await run.AssignAsync("a@example.com");
            await run.AssignAsync("b@example.com");
            using var cts = new CancellationTokenSource(ParityRunner.ScenarioTimeout);
            await using (var watch = await run.Api.WatchSeatEventsAsync(new WatchSeatEventsRequest { Parent = run.Pool, AfterSequence = 2 }, cts.Token))
            {
                await RecordEventsAsync(run, watch, "after 2", 1);
            }

            await using var unknown = await run.Api.WatchSeatEventsAsync(new WatchSeatEventsRequest { Parent = run.NewPool() }, cts.Token);
            var error = await unknown.NextAsync() ?? throw new Xunit.Sdk.XunitException("The stream of an unknown pool ended without an error.");
            run.Record("unknown pool", error);
        });

        var after = ((WatchSeatEventsResponse)runs.Rest.Steps[3].Message).Event;
        Assert.Equal((3L, "b@example.com"), (after.Sequence, after.Grantee.Email));
        var missing = (Google.Rpc.Status)runs.Rest.Steps[4].Message;
        Assert.Equal((int)StatusCode.NotFound, missing.Code);
        Assert.Equal(404, runs.Rest.Steps[4].HttpStatus);
        RpcStatusAssert.AssertReason(missing, "POOL_NOT_FOUND");
    }

    private static async Task RecordEventsAsync(ScenarioRun run, IEventWatch watch, string step, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var next = await watch.NextAsync() ?? throw new Xunit.Sdk.XunitException($"{run.Api.Transport}: the stream ended before {step} event {i}.");
            run.Record($"{step} event {i}", next.Ok);
        }
    }
}
