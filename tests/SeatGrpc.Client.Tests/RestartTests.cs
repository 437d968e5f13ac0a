using System.Collections.Concurrent;
using SeatGrpc.Client.Tests.Infrastructure;

namespace SeatGrpc.Client.Tests;

/// <summary>
/// The real host killed (SIGKILL) and stopped (SIGTERM) while writers and an event follower are busy, and started again on
/// the same port and database: every write is acknowledged and applied exactly once, and the follower sees every event
/// once, in order.
/// </summary>
public sealed class RestartTests
{
    private const int Writers = 8;
    private const int WritesPerWriter = 40;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task HostRestartedTwiceMidRun_EachWriteAppliedOnceAndFollowerMissesNothing()
    {
        await using var server = await RestartableServer.StartAsync();
        using var services = new ClientServices(server.Address, o => { o.ApiKey = TestKeys.Admin; o.DefaultDeadline = TimeSpan.FromSeconds(60); });
        var client = services.Client;
        var pool = "subscriptions/restart-" + Guid.NewGuid().ToString("N")[..8];
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = Writers * WritesPerWriter } }).ResponseAsync.WithTimeout();
        using var run = new CancellationTokenSource(RunTimeout);
        var followed = new ConcurrentQueue<SeatEvent>();
        var follower = FollowAsync(client, pool, followed, run.Token);
        var acknowledged = new ConcurrentQueue<(AssignSeatRequest Request, AssignSeatResponse Response)>();

        var writers = Enumerable.Range(0, Writers).Select(w => WriteAsync(client, pool, w, acknowledged, run.Token)).ToList();
        await WaitUntilAsync(() => acknowledged.Count >= 60, run.Token);
        await server.KillAndRestartAsync();
        await WaitUntilAsync(() => acknowledged.Count >= 180, run.Token);
        await server.StopAndRestartAsync();
        await Task.WhenAll(writers).WaitAsync(RunTimeout);

        // Every write came back OK (none failed, none found its grantee already seated by an earlier attempt of its own).
        Assert.Equal(Writers * WritesPerWriter, acknowledged.Count);
        var expectedEvents = 1 + acknowledged.Count;
        await WaitUntilAsync(() => followed.Count >= expectedEvents, run.Token);
        await run.CancelAsync();
        await follower;

        // The follower: 1..N, each once, although its stream broke twice.
        Assert.Equal(Enumerable.Range(1, expectedEvents).Select(i => (long)i), followed.Select(e => e.Sequence));

        // The database: one ASSIGNED event per acknowledged write, for its seat and with its request id; no other.
        var stored = await ReadStoredEventsAsync(client, pool, expectedEvents);
        var assigned = stored.Where(e => e.Type == SeatEventType.Assigned).ToDictionary(e => e.Seat);
        Assert.Equal(acknowledged.Count, assigned.Count);
        Assert.All(acknowledged, write => Assert.Equal(write.Request.RequestId, assigned[write.Response.Seat.Name].RequestId));
        var occupied = (await client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout()).Pool.OccupiedSeats;
        Assert.Equal(acknowledged.Count, occupied);
    }

    private static async Task WriteAsync(
        SeatService.SeatServiceClient client, string pool, int writer, ConcurrentQueue<(AssignSeatRequest, AssignSeatResponse)> acknowledged, CancellationToken cancellationToken)
    {
        await Task.Yield();
        for (var i = 0; i < WritesPerWriter; i++)
        {
            var request = new AssignSeatRequest { Parent = pool, Email = $"w{writer}-{i}@example.com", ImmediateClaim = true };
            var response = await client.AssignSeatAsync(request, cancellationToken: cancellationToken).ResponseAsync;
            acknowledged.Enqueue((request, response));
        }
    }

    private static async Task FollowAsync(SeatService.SeatServiceClient client, string pool, ConcurrentQueue<SeatEvent> followed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var seatEvent in client.FollowSeatEventsAsync(pool, cancellationToken: cancellationToken))
            {
                followed.Enqueue(seatEvent);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>The pool's stored events, read with one plain WatchSeatEvents call from the start.</summary>
    private static async Task<List<SeatEvent>> ReadStoredEventsAsync(SeatService.SeatServiceClient client, string pool, int count)
    {
        using var timeout = new CancellationTokenSource(TaskTimeoutExtensions.DefaultTimeout);
        using var call = client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool }, cancellationToken: timeout.Token);
        var events = new List<SeatEvent>();
        while (events.Count < count && await call.ResponseStream.MoveNext(timeout.Token))
        {
            events.Add(call.ResponseStream.Current.Event);
        }

        return events;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
