using SeatGrpc.Client.Tests.Infrastructure;

namespace SeatGrpc.Client.Tests;

/// <summary>FollowSeatEventsAsync over streams that break: each event once, in order, each new stream after the last one.</summary>
public sealed class EventFeedTests : IAsyncLifetime
{
    private ScriptedServer? _server;

    private ScriptedSeatService Script => _server!.Service;

    private SeatService.SeatServiceClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedServer.StartAsync();
        Client = _server.Connect();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task StreamBreaks_ResumesAfterTheLastEventWithoutGapsOrRepeats()
    {
        Script.EventCount = 5;
        Script.EventsPerStream = 2;
        Script.Fail("WatchSeatEvents", StatusCode.Unavailable);
        Script.Fail("WatchSeatEvents", StatusCode.Internal);

        var sequences = await ReadAsync(Client.FollowSeatEventsAsync("subscriptions/a"), count: 5);

        Assert.Equal([1L, 2, 3, 4, 5], sequences);
        Assert.Equal([0L, 2, 4], Script.AttemptsOf("WatchSeatEvents").Select(a => a.AfterSequence));
    }

    [Fact]
    public async Task ServerEndsTheStream_Resumes()
    {
        Script.EventCount = 3;
        Script.EventsPerStream = 1;
        Script.Fail("WatchSeatEvents", StatusCode.OK);

        var sequences = await ReadAsync(Client.FollowSeatEventsAsync("subscriptions/a", afterSequence: 1), count: 2);

        Assert.Equal([2L, 3], sequences);
        Assert.Equal([1L, 2], Script.AttemptsOf("WatchSeatEvents").Select(a => a.AfterSequence));
    }

    [Fact]
    public async Task NotFound_Thrown()
    {
        Script.Fail("WatchSeatEvents", StatusCode.NotFound, "POOL_NOT_FOUND");

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(Client.FollowSeatEventsAsync("subscriptions/none"), count: 1));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Single(Script.AttemptsOf("WatchSeatEvents"));
    }

    private static async Task<List<long>> ReadAsync(IAsyncEnumerable<SeatEvent> feed, int count)
    {
        using var timeout = new CancellationTokenSource(TaskTimeoutExtensions.DefaultTimeout);
        var sequences = new List<long>();
        await foreach (var seatEvent in feed.WithCancellation(timeout.Token))
        {
            sequences.Add(seatEvent.Sequence);
            if (sequences.Count == count)
            {
                break;
            }
        }

        return sequences;
    }
}
