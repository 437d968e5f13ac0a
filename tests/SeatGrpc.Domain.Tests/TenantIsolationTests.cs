using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

/// <summary>Two tenants on one database: each sees its own pools, seats, events, tokens and request ids only.</summary>
public abstract class TenantIsolationTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    private const string PoolName = "subscriptions/shared_name";

    private TenantSeats Other => Seats.For(new Caller("other", "kotherkey222"));

    [StorageFact]
    public async Task SamePoolName_InTwoTenants_AreTwoPools()
    {
        await CreatePoolAsync(PoolName, totalSeats: 1);
        await Other.UpsertPoolAsync(new PoolSettings(PoolName, 3), null, null, Ct).Within();

        await AssignAsync(PoolName, Grantee.ForEmail("ann@example.com"));
        await Other.AssignSeatAsync(PoolName, Grantee.ForEmail("ann@example.com"), null, false, null, null, Ct).Within();

        Assert.Equal((1, 0), ((await Allocator.GetPoolAsync(PoolName, Ct).Within()).TotalSeats, (await Allocator.GetPoolAsync(PoolName, Ct).Within()).AvailableSeats));
        Assert.Equal(2, (await Other.GetPoolAsync(PoolName, Ct).Within()).AvailableSeats);
    }

    [StorageFact]
    public async Task AnotherTenantsPool_IsNotFoundEverywhere()
    {
        await CreatePoolAsync(PoolName);

        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Other.GetPoolAsync(PoolName, Ct));
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Other.ListSeatsAsync(PoolName, null, 0, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Other.ReadEventsAsync(PoolName, 0, 10, Ct));
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Other.AssignSeatAsync(PoolName, Grantee.ForEmail("b@example.com"), null, false, null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Other.ApplyBatchAsync(PoolName, [new AssignChange(Grantee.ForEmail("b@example.com"))], null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, async () =>
        {
            await foreach (var _ in Other.WatchAsync(PoolName, 0, Ct))
            {
            }
        });
    }

    [StorageFact]
    public async Task AnotherTenantsSeat_IsNotFoundAndUnchanged()
    {
        await CreatePoolAsync(PoolName);
        var seat = await AssignAsync(PoolName, Grantee.ForEmail("ann@example.com"));

        await ThrowsKindAsync(SeatErrorKind.SeatNotFound, () => Other.GetSeatAsync(seat.Seat.Name, Ct));
        await ThrowsKindAsync(SeatErrorKind.SeatNotFound, () => Other.RevokeSeatAsync(seat.Seat.Name, null, null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.SeatNotFound, () => Other.ResendInvitationAsync(seat.Seat.Name, null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Other.ClaimSeatAsync(seat.InvitationToken!, null, null, null, Ct));

        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(seat.Seat.Name, Ct).Within()).Status);
        Assert.Equal(SeatStatus.Claimed, (await Allocator.ClaimSeatAsync(seat.InvitationToken!, "cus_ann", null, null, Ct).Within()).Value!.Status);
    }

    [StorageFact]
    public async Task ClaimedSubscriptions_ListOnlyTheCallersTenant()
    {
        await CreatePoolAsync(PoolName);
        await Other.UpsertPoolAsync(new PoolSettings(PoolName, 3), null, null, Ct).Within();
        await Allocator.AssignSeatAsync(PoolName, Grantee.ForCustomer("cus_1"), null, true, null, null, Ct).Within();

        var mine = await Allocator.ListClaimedSubscriptionsAsync("cus_1", 0, null, Ct).Within();
        var theirs = await Other.ListClaimedSubscriptionsAsync("cus_1", 0, null, Ct).Within();

        Assert.Single(mine.Subscriptions);
        Assert.Empty(theirs.Subscriptions);
    }

    [StorageFact]
    public async Task SameRequestId_InTwoTenants_RunsTwiceAndReplaysWithinEach()
    {
        await CreatePoolAsync(PoolName);
        await Other.UpsertPoolAsync(new PoolSettings(PoolName, 3), null, null, Ct).Within();
        var key = new IdempotencyKey(Guid.NewGuid().ToString("D"), "AssignSeat", new byte[] { 7 });
        static byte[] Encode(AssignedSeat assigned) => System.Text.Encoding.UTF8.GetBytes(assigned.Seat.Name);

        var mine = await Allocator.AssignSeatAsync(PoolName, Grantee.ForEmail("a@example.com"), null, true, key, Encode, Ct).Within();
        var theirs = await Other.AssignSeatAsync(PoolName, Grantee.ForEmail("a@example.com"), null, true, key, Encode, Ct).Within();
        var replay = await Other.AssignSeatAsync(PoolName, Grantee.ForEmail("a@example.com"), null, true, key, Encode, Ct).Within();

        Assert.False(mine.IsReplayed);
        Assert.False(theirs.IsReplayed);
        Assert.True(replay.IsReplayed);
        Assert.Equal(theirs.Value!.Seat.Name, System.Text.Encoding.UTF8.GetString(replay.StoredResponse.Span));
    }

    [StorageFact]
    public async Task PageToken_OfAnotherTenant_IsInvalid()
    {
        await CreatePoolAsync(PoolName, totalSeats: 3);
        await Other.UpsertPoolAsync(new PoolSettings(PoolName, 3), null, null, Ct).Within();
        await AssignAsync(PoolName, Grantee.ForEmail("a@example.com"));
        await AssignAsync(PoolName, Grantee.ForEmail("b@example.com"));
        var page = await Allocator.ListSeatsAsync(PoolName, null, 1, null, Ct).Within();

        await ThrowsKindAsync(SeatErrorKind.InvalidPageToken, () => Other.ListSeatsAsync(PoolName, null, 1, page.NextPageToken, Ct));
    }

    [StorageFact]
    public async Task Watch_SamePoolNameInAnotherTenant_SeesOnlyItsOwnEvents()
    {
        await CreatePoolAsync(PoolName);
        await Other.UpsertPoolAsync(new PoolSettings(PoolName, 3), null, null, Ct).Within();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = new List<SeatEvent>();
        var watching = Task.Run(async () =>
        {
            await foreach (var seatEvent in Other.WatchAsync(PoolName, 0, stop.Token))
            {
                seen.Add(seatEvent);
                if (seatEvent.Type == SeatEventType.Assigned)
                {
                    return;
                }
            }
        });

        await AssignAsync(PoolName, Grantee.ForEmail("mine@example.com"));
        await Other.AssignSeatAsync(PoolName, Grantee.ForEmail("theirs@example.com"), null, false, null, null, Ct).Within();
        await watching.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([SeatEventType.PoolResized, SeatEventType.Assigned], seen.Select(e => e.Type));
        Assert.Equal("theirs@example.com", seen[1].Grantee!.Email);
        Assert.Equal("kotherkey222", seen[1].KeyId);
    }
}

public sealed class SqliteTenantIsolationTests : TenantIsolationTests<SqliteStorageProvider>;

public sealed class PostgresTenantIsolationTests : TenantIsolationTests<PostgresStorageProvider>;
