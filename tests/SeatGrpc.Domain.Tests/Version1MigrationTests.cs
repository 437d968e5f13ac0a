using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// A database written by the version-1 server (Fixtures/README.md), opened by this one: migration 0002 moves every row
/// to the tenant "default" and loses nothing, and the tenant's pool names become free for other tenants.
/// </summary>
public abstract class Version1MigrationTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    private const string Subscription = "subscriptions/sub_v1";
    private const string Order = "orders/ord_v1";
    private const string AnnRequestId = "11111111-1111-4111-8111-111111111111";

    /// <summary>A moment at which the fixture's invitations had not expired yet.</summary>
    private static readonly DateTimeOffset FixtureTime = new(2026, 11, 28, 18, 30, 0, TimeSpan.Zero);

    /// <summary>The invitation token AssignSeat returned for Cy (customer cus_cy) in this engine's fixture.</summary>
    protected abstract string CyToken { get; }

    [StorageFact]
    public async Task Open_Version1Database_KeepsPoolsAndOccupancyUnderTheDefaultTenant()
    {
        var subscription = await Allocator.GetPoolAsync(Subscription, Ct).Within();
        var order = await Allocator.GetPoolAsync(Order, Ct).Within();

        Assert.Equal((3, 2, "cus_owner"), (subscription.TotalSeats, subscription.OccupiedSeats, subscription.CustomerId));
        Assert.Equal((2, 2), (order.TotalSeats, order.OccupiedSeats));
        Assert.Equal(SchemaVersions.Latest, await CountAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM pools WHERE tenant <> 'default'"));
    }

    [StorageFact]
    public async Task Open_Version1Database_KeepsSeatsWithTheirGranteesAndMetadata()
    {
        var active = await Allocator.ListSeatsAsync(Subscription, null, 0, null, Ct).Within();
        var revoked = await Allocator.ListSeatsAsync(Subscription, SeatStatus.Revoked, 0, null, Ct).Within();

        Assert.Equal(["dee@example.com", "eve@example.com"], active.Seats.Select(s => s.Grantee.Email));
        Assert.Equal(["ann@example.com", "bob@example.com"], revoked.Seats.Select(s => s.Grantee.Email));
        Assert.Equal("red", revoked.Seats[0].Metadata["team"]);
        Assert.Equal("cus_eve", active.Seats[1].Grantee.CustomerId);
        Assert.Equal(revoked.Seats[0], await Allocator.GetSeatAsync(revoked.Seats[0].Name, Ct).Within() with { Metadata = revoked.Seats[0].Metadata });
    }

    [StorageFact]
    public async Task Open_Version1Database_KeepsEventsWithoutAKey()
    {
        var events = await Allocator.ReadEventsAsync(Subscription, 0, 100, Ct).Within();

        Assert.Equal(
            [SeatEventType.PoolResized, SeatEventType.Assigned, SeatEventType.Assigned, SeatEventType.Assigned, SeatEventType.Replaced, SeatEventType.Revoked],
            events.Select(e => e.Type));
        Assert.Equal(AnnRequestId, events[1].RequestId);
        Assert.Equal("bob@example.com", events[4].PreviousGrantee!.Email);
        Assert.All(events, e => Assert.Null(e.KeyId));
    }

    [StorageFact]
    public async Task Open_Version1Database_KeepsRequestIdsOfTheDefaultTenantOnly()
    {
        // Records are kept 24 hours: at the fixture's time, not the test clock's 2030, where they would be purged.
        Time.Set(FixtureTime);
        var other = Seats.For(new Caller("acme"));
        await other.UpsertPoolAsync(new PoolSettings(Subscription, 1), null, null, Ct).Within();
        var differentRequest = new IdempotencyKey(AnnRequestId, "AssignSeat", new byte[] { 1, 2, 3 });

        await ThrowsKindAsync(
            SeatErrorKind.RequestIdReused,
            () => Allocator.AssignSeatAsync(Subscription, Grantee.ForEmail("new@example.com"), null, true, differentRequest, _ => [], Ct));
        var fresh = await other.AssignSeatAsync(Subscription, Grantee.ForEmail("new@example.com"), null, true, differentRequest, _ => [], Ct).Within();

        Assert.False(fresh.IsReplayed);
    }

    [StorageFact]
    public async Task Open_Version1Database_KeepsInvitationTokensAndClaims()
    {
        Time.Set(FixtureTime);

        var claimed = await Allocator.ClaimSeatAsync(CyToken, null, null, null, Ct).Within();
        var subscriptions = await Allocator.ListClaimedSubscriptionsAsync("cus_eve", 0, null, Ct).Within();

        Assert.Equal((SeatStatus.Claimed, Order), (claimed.Value!.Status, claimed.Value.Parent));
        Assert.Equal([Subscription], subscriptions.Subscriptions.Select(s => s.Pool.Name));
    }

    [StorageFact]
    public async Task Open_Version1Database_LetsAnotherTenantUseTheSamePoolNames()
    {
        var other = Seats.For(new Caller("acme", "k2222222222a"));

        var created = await other.UpsertPoolAsync(new PoolSettings(Subscription, 7), null, null, Ct).Within();
        await other.AssignSeatAsync(Subscription, Grantee.ForEmail("dee@example.com"), null, true, null, null, Ct).Within();

        Assert.False(created.IsReplayed);
        Assert.Equal(1, (await other.GetPoolAsync(Subscription, Ct).Within()).OccupiedSeats);
        Assert.Equal(2, (await Allocator.GetPoolAsync(Subscription, Ct).Within()).OccupiedSeats);
        Assert.Equal(6, (await Allocator.ReadEventsAsync(Subscription, 0, 100, Ct).Within()).Count);
        Assert.Equal(["k2222222222a", "k2222222222a"], (await other.ReadEventsAsync(Subscription, 0, 100, Ct).Within()).Select(e => e.KeyId));
    }

    protected override Task BeforeOpenAsync() => Provider.RestoreVersionAsync(1, Ct);
}

public sealed class SqliteVersion1MigrationTests : Version1MigrationTests<SqliteStorageProvider>
{
    protected override string CyToken => "g5I7-PB5hGKyHRUGwUuUY7yC1KcFYRA_jQuszlNUQYo";
}

public sealed class PostgresVersion1MigrationTests : Version1MigrationTests<PostgresStorageProvider>
{
    protected override string CyToken => "SSJB2jAriGI5DkUUNBH0QNAKSYmA6vvvENFbQqsuOzs";
}
