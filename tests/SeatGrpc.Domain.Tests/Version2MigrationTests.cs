using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// A database written by the version-2 server (Fixtures/README.md), opened by this one: migration 0003 keeps every row,
/// replaces the unique index on every token hash by a partial one over the rows whose token predates it, and those
/// tokens (no seat id in them) keep claiming their seats until they expire.
/// </summary>
public abstract class Version2MigrationTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    private const string Subscription = "subscriptions/sub_v2";

    /// <summary>A moment at which the fixture's invitations had not expired yet (issued 2026-11-29 00:26 UTC, for 7 days).</summary>
    private static readonly DateTimeOffset FixtureTime = new(2026, 11, 29, 0, 30, 0, TimeSpan.Zero);

    /// <summary>Ann's pending seat in this engine's fixture.</summary>
    protected abstract string AnnSeat { get; }

    /// <summary>The invitation token AssignSeat returned for Ann in this engine's fixture (43 characters, no seat id).</summary>
    protected abstract string AnnToken { get; }

    [StorageFact]
    public async Task Open_Version2Database_KeepsEveryRow()
    {
        var pool = await Allocator.GetPoolAsync(Subscription, Ct).Within();
        var events = await Allocator.ReadEventsAsync(Subscription, 0, 100, Ct).Within();

        Assert.Equal(SchemaVersions.Latest, await CountAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal((3, 2, "cus_owner"), (pool.TotalSeats, pool.OccupiedSeats, pool.CustomerId));
        Assert.Equal(
            (1L, 3L, 5L, 1L, 1L, 2L),
            (await CountAsync("SELECT COUNT(*) FROM pools"), await CountAsync("SELECT COUNT(*) FROM seats"),
             await CountAsync("SELECT COUNT(*) FROM seat_events"), await CountAsync("SELECT COUNT(*) FROM idempotency_records"),
             await CountAsync("SELECT COUNT(*) FROM api_keys"), await CountAsync("SELECT COUNT(*) FROM secrets")));
        Assert.Equal(
            [SeatEventType.PoolResized, SeatEventType.Assigned, SeatEventType.Assigned, SeatEventType.Assigned, SeatEventType.Revoked],
            events.Select(e => e.Type));
        var ann = await Allocator.GetSeatAsync(AnnSeat, Ct).Within();
        Assert.Equal((SeatStatus.Pending, "ann@example.com", "blue"), (ann.Status, ann.Grantee.Email, ann.Metadata["team"]));
    }

    [StorageFact]
    public async Task Open_Version2Database_ReplacesTheTokenIndexByAPartialOneOverOldTokens()
    {
        Assert.Equal(0, await CountAsync(Provider.CountIndexSql, new { Name = "seats_by_token_hash" }));
        Assert.Equal(1, await CountAsync(Provider.CountIndexSql, new { Name = "seats_by_legacy_token_hash" }));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM seats WHERE legacy_token"));

        await AssignAsync(Subscription, Grantee.ForEmail("dee@example.com"));

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM seats WHERE legacy_token"));
    }

    [StorageFact]
    public async Task Open_Version2Database_OldTokenClaimsItsSeatOnce()
    {
        Time.Set(FixtureTime);

        var claimed = (await Allocator.ClaimSeatAsync(AnnToken, "cus_ann", null, null, Ct).Within()).Value!;

        Assert.Equal((AnnSeat, SeatStatus.Claimed, "cus_ann"), (claimed.Name, claimed.Status, claimed.Grantee.CustomerId));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats WHERE legacy_token"));
        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(AnnToken, null, null, null, Ct));
    }

    [StorageFact]
    public async Task Open_Version2Database_OldTokenExpiresAsBefore()
    {
        Time.Set(FixtureTime.AddDays(7));

        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(AnnToken, null, null, null, Ct));

        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(AnnSeat, Ct).Within()).Status);
    }

    [StorageFact]
    public async Task ResendInvitation_OldToken_DiesAndTheNewTokenNamesTheSeat()
    {
        Time.Set(FixtureTime);

        var resent = (await Allocator.ResendInvitationAsync(AnnSeat, null, null, Ct).Within()).Value!;

        Assert.StartsWith(AnnSeat["seats/".Length..] + ".", resent.InvitationToken, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats WHERE legacy_token"));
        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(AnnToken, null, null, null, Ct));
        Assert.Equal(SeatStatus.Claimed, (await Allocator.ClaimSeatAsync(resent.InvitationToken!, null, null, null, Ct).Within()).Value!.Status);
    }

    [StorageFact]
    public async Task RevokeSeat_OldToken_DiesAndLeavesThePartialIndex()
    {
        Time.Set(FixtureTime);

        await Allocator.RevokeSeatAsync(AnnSeat, null, null, null, Ct).Within();

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats WHERE legacy_token"));
        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(AnnToken, null, null, null, Ct));
    }

    protected override Task BeforeOpenAsync() => Provider.RestoreVersionAsync(2, Ct);
}

public sealed class SqliteVersion2MigrationTests : Version2MigrationTests<SqliteStorageProvider>
{
    protected override string AnnSeat => "seats/AaIkscuwpzsdd4UcxtH2ng";

    protected override string AnnToken => "3VDgESYsQd9ulFAxpOPNkM2YZO4RvuysVz2OqlQxzR4";
}

public sealed class PostgresVersion2MigrationTests : Version2MigrationTests<PostgresStorageProvider>
{
    protected override string AnnSeat => "seats/AaIkseHemSnoeh831EsG_w";

    protected override string AnnToken => "vJlz02v6zzLXUON3PB-2U7jfCq7_nvbviqgAzTnL2fc";
}
