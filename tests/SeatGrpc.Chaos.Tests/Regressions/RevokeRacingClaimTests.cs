using Grpc.Core;
using SeatGrpc.Chaos.Tests.Infrastructure;
using Xunit;

namespace SeatGrpc.Chaos.Tests.Regressions;

/// <summary>
/// Found by the model check on PostgreSQL: a revocation (RevokeSeat, a batch unassign or replace) read the seat, a
/// concurrent ClaimSeat then claimed it and recorded the claimant's customer id, and the revocation still went ahead on
/// what it had read. Its answer and its event showed the seat as before the claim: the wrong etag, no customer id, and
/// a REPLACED event whose previous grantee matched no seat. The revocation now runs again when the seat changed since
/// it was read.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class RevokeRacingClaimTests
{
    private const int Seats = 120;
    private const string Pool = "subscriptions/race";

    private readonly PostgresServer _postgres;

    public RevokeRacingClaimTests(PostgresServer postgres)
    {
        _postgres = postgres;
    }

    [RequiresToolFact(typeof(PostgresProbe))]
    public async Task RevokeRacingAClaim_Postgres_AnswerAndEventShowTheSeatAsItWas()
    {
        await using var cluster = await ServerCluster.StartPostgresAsync(_postgres.CreateDatabase("race_revoke_claim"), 1);
        var client = cluster.Replicas[0].Current!.Client;
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = Seats } }).ResponseAsync.WithTimeout();
        var assigned = new List<AssignSeatResponse>();
        for (var i = 0; i < Seats; i++)
        {
            assigned.Add(await client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = $"race{i}@example.com" }).ResponseAsync.WithTimeout());
        }

        // Each seat is revoked and claimed (recording a customer id) at the same moment, many seats at once.
        var revoked = await Task.WhenAll(assigned.Select(async (a, i) =>
        {
            var claim = client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = a.InvitationToken, CustomerId = $"cus_race{i}" }).ResponseAsync;
            var revoke = client.RevokeSeatAsync(new RevokeSeatRequest { Name = a.Seat.Name }).ResponseAsync;
            await Task.WhenAll(Swallow(claim), Swallow(revoke)).WithTimeout(TimeSpan.FromSeconds(60));
            return await revoke;
        }));

        // The answer is the seat as stored, and the event names who held it when it was revoked.
        var events = await ReadEventsAsync(client, 1 + (2 * Seats));
        var mismatches = new List<string>();
        foreach (var answer in revoked)
        {
            var stored = (await client.GetSeatAsync(new GetSeatRequest { Name = answer.Seat.Name }).ResponseAsync.WithTimeout()).Seat;
            var revocation = events.Single(e => e.Seat == stored.Name && e.Type == SeatEventType.Revoked);
            if (answer.Seat.Etag != stored.Etag || answer.Seat.CustomerId != stored.CustomerId || revocation.Grantee.CustomerId != stored.CustomerId)
            {
                mismatches.Add($"{stored.Name}: answered etag {answer.Seat.Etag} customer '{answer.Seat.CustomerId}', event customer " +
                               $"'{revocation.Grantee.CustomerId}', stored etag {stored.Etag} customer '{stored.CustomerId}'");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static async Task Swallow(Task call)
    {
        try
        {
            await call;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            // The claim lost the race: the seat was revoked first.
        }
    }

    private static async Task<List<SeatEvent>> ReadEventsAsync(SeatService.SeatServiceClient client, int atLeast)
    {
        var events = new List<SeatEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = Pool }, cancellationToken: stop.Token);
        while (events.Count(e => e.Type != SeatEventType.Claimed) < atLeast && await watch.ResponseStream.MoveNext(stop.Token))
        {
            events.Add(watch.ResponseStream.Current.Event);
        }

        return events;
    }
}
