using System.Collections.Concurrent;
using SeatGrpc.Client.Tests.Infrastructure;

namespace SeatGrpc.Client.Tests;

/// <summary>
/// Writes that the real host applied but whose answers were lost on the way back (the connection dropped after the
/// commit): the client's retry carries the same request id, so the host replays the first result instead of assigning
/// again, which for an AssignSeat would have failed with ALREADY_EXISTS (the grantee is seated by the lost attempt).
/// </summary>
public sealed class LostAnswerTests
{
    private const int Writers = 8;
    private const int WritesPerWriter = 20;

    // The domain's replay log (Debug) shows that the lost-answer case really happened.
    private static readonly Dictionary<string, string> DomainDebug = new() { ["Logging__LogLevel__SeatGrpc.Domain"] = "Debug" };

    [Fact]
    public async Task AnswersLostAfterCommit_RetriesReplayedNotReapplied()
    {
        await using var server = await RestartableServer.StartAsync(DomainDebug);
        await using var proxy = new LossyProxy(server.Address);
        using var services = new ClientServices(proxy.Address, o => { o.ApiKey = TestKeys.Admin; o.DefaultDeadline = TimeSpan.FromSeconds(60); });
        var client = services.Client;
        var pool = "subscriptions/lossy-" + Guid.NewGuid().ToString("N")[..8];
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = Writers * WritesPerWriter } }).ResponseAsync.WithTimeout();
        using var run = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var acknowledged = new ConcurrentQueue<(AssignSeatRequest Request, AssignSeatResponse Response)>();

        var writers = Enumerable.Range(0, Writers).Select(w => WriteAsync(client, pool, w, acknowledged, run.Token)).ToList();
        await WaitUntilAsync(() => acknowledged.Count >= 40, run.Token);
        proxy.SwallowAnswers();
        using (var direct = new ClientServices(server.Address, o => o.ApiKey = TestKeys.Admin))
        {
            // Wait until the host has applied writes whose answers are now lost.
            while (await OccupiedAsync(direct.Client, pool) <= acknowledged.Count)
            {
                await Task.Delay(20, run.Token);
            }
        }

        proxy.CutAll();
        await Task.WhenAll(writers).WaitAsync(run.Token);

        Assert.Equal(Writers * WritesPerWriter, acknowledged.Count);
        Assert.Contains(server.Output, line => line.Contains("Replayed request", StringComparison.Ordinal));
        Assert.Equal(acknowledged.Count, await OccupiedAsync(client, pool));
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Response.Seat.Name).Distinct().Count());
    }

    private static async Task<int> OccupiedAsync(SeatService.SeatServiceClient client, string pool) =>
        (await client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout()).Pool.OccupiedSeats;

    private static async Task WriteAsync(
        SeatService.SeatServiceClient client, string pool, int writer, ConcurrentQueue<(AssignSeatRequest, AssignSeatResponse)> acknowledged, CancellationToken cancellationToken)
    {
        await Task.Yield();
        for (var i = 0; i < WritesPerWriter; i++)
        {
            var request = new AssignSeatRequest { Parent = pool, Email = $"w{writer}-{i}@example.com" };
            var response = await client.AssignSeatAsync(request, cancellationToken: cancellationToken).ResponseAsync;
            acknowledged.Enqueue((request, response));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
