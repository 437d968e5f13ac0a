using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

public abstract class EventTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [Fact]
    public async Task Events_AfterEveryKindOfChange_AreGaplessAndKeepRevokedGrantees()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        var a = await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"));
        await Allocator.ResendInvitationAsync(a.Seat.Name, null, null, Ct).Within();
        var resent = await Allocator.ResendInvitationAsync(a.Seat.Name, null, null, Ct).Within();
        await Allocator.ClaimSeatAsync(resent.Value!.InvitationToken!, null, null, null, Ct).Within();
        await Allocator.RevokeSeatAsync(a.Seat.Name, null, null, null, Ct).Within();
        await Allocator.ApplyBatchAsync(
            pool.Name,
            [new AssignChange(Grantee.ForEmail("b@example.com")), new ReplaceChange(Grantee.ForEmail("b@example.com"), Grantee.ForEmail("c@example.com")),
             new UnassignChange(Grantee.ForEmail("c@example.com"))],
            null, null, Ct).Within();
        await Allocator.UpsertPoolAsync(new PoolSettings(pool.Name, 4, "cus_owner"), null, null, Ct).Within();

        var events = await Allocator.ReadEventsAsync(pool.Name, 0, 100, Ct).Within();

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(
            [SeatEventType.PoolResized, SeatEventType.Assigned, SeatEventType.InvitationResent, SeatEventType.InvitationResent, SeatEventType.Claimed,
             SeatEventType.Revoked, SeatEventType.Assigned, SeatEventType.Replaced, SeatEventType.Unassigned, SeatEventType.PoolResized],
            events.Select(e => e.Type));
        Assert.Equal("a@example.com", events[5].Grantee!.Email);
        Assert.Equal(a.Seat.Name, events[5].SeatName);
        Assert.Equal(4, events[9].TotalSeats);
        Assert.Equal(3, (await Allocator.ReadEventsAsync(pool.Name, 7, 100, Ct).Within()).Count);
    }

    [Fact]
    public async Task Events_ConcurrentWritersOnOnePool_HaveNoGaps()
    {
        var pool = await CreatePoolAsync(totalSeats: 200);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => AssignAsync(pool.Name, Grantee.ForCustomer($"c{i}")), Ct))).Within();

        var events = await Allocator.ReadEventsAsync(pool.Name, 0, 1000, Ct).Within();
        Assert.Equal(Enumerable.Range(1, 101).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task WatchAsync_StoredThenLiveEvents_YieldsEachOnceInOrder()
    {
        var pool = await CreatePoolAsync(totalSeats: 100);
        for (var i = 0; i < 5; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForCustomer($"before{i}"));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var received = new List<long>();
        var watching = Task.Run(async () =>
        {
            await foreach (var seatEvent in Allocator.WatchAsync(pool.Name, 2, stop.Token))
            {
                received.Add(seatEvent.Sequence);
                if (seatEvent.Sequence == 56)
                {
                    return;
                }
            }
        }, Ct);
        var writers = Enumerable.Range(0, 50).Select(i => Task.Run(() => AssignAsync(pool.Name, Grantee.ForCustomer($"live{i}")), Ct));

        await Task.WhenAll(writers).Within();
        await watching.Within();

        Assert.Equal(Enumerable.Range(3, 54).Select(i => (long)i), received);
    }

    [Fact]
    public async Task WatchAsync_NoNewEvents_WaitsUntilCancelled()
    {
        var pool = await CreatePoolAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var received = 0;

        var watch = async () =>
        {
            await foreach (var unused in Allocator.WatchAsync(pool.Name, 0, stop.Token))
            {
                received++;
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch().Within());
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task WatchAsync_UnknownPool_ThrowsPoolNotFound()
    {
        var watch = async () =>
        {
            await foreach (var unused in Allocator.WatchAsync("orders/none", 0, Ct))
            {
            }
        };

        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, watch);
    }

    [Fact]
    public async Task ReadEvents_UnknownPool_ThrowsPoolNotFound()
    {
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Allocator.ReadEventsAsync("orders/none", 0, 10, Ct));
    }
}

public sealed class SqliteEventTests : EventTests<SqliteStorageProvider>;
