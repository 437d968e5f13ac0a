using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

public abstract class SeatLifecycleTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [Fact]
    public async Task GetSeat_UnknownOrMalformedName_ThrowsSeatNotFound()
    {
        await ThrowsKindAsync(SeatErrorKind.SeatNotFound, () => Allocator.GetSeatAsync("seats/AAAAAAAAAAAAAAAAAAAAAA", Ct));
        await ThrowsKindAsync(SeatErrorKind.SeatNotFound, () => Allocator.GetSeatAsync("chairs/1", Ct));
    }

    [Fact]
    public async Task RevokeSeat_Pending_FreesCapacityAndKillsToken()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        Time.Advance(TimeSpan.FromMinutes(1));

        var revoked = (await Allocator.RevokeSeatAsync(assigned.Seat.Name, assigned.Seat.Etag, null, null, Ct).Within()).Value!;

        Assert.Equal(SeatStatus.Revoked, revoked.Status);
        Assert.Equal(Time.GetUtcNow(), revoked.RevokeTime);
        Assert.NotEqual(assigned.Seat.Etag, revoked.Etag);
        AssertSameSeat(revoked, await Allocator.GetSeatAsync(revoked.Name, Ct).Within());
        Assert.Equal(1, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
        await ThrowsKindAsync(
            SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(assigned.InvitationToken!, null, null, null, Ct));
    }

    [Fact]
    public async Task RevokeSeat_AlreadyRevoked_ReturnsItUnchangedWithoutEvent()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        var first = (await Allocator.RevokeSeatAsync(assigned.Seat.Name, null, null, null, Ct).Within()).Value!;
        var eventsBefore = await CountAsync("SELECT COUNT(*) FROM seat_events");
        Time.Advance(TimeSpan.FromMinutes(1));

        var second = (await Allocator.RevokeSeatAsync(assigned.Seat.Name, null, null, null, Ct).Within()).Value!;

        AssertSameSeat(first, second);
        Assert.Equal(eventsBefore, await CountAsync("SELECT COUNT(*) FROM seat_events"));
        Assert.Equal(pool.TotalSeats, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [Fact]
    public async Task RevokeSeat_StaleEtag_ThrowsEtagMismatchAndKeepsSeat()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        var resent = (await Allocator.ResendInvitationAsync(assigned.Seat.Name, null, null, Ct).Within()).Value!;

        await ThrowsKindAsync(SeatErrorKind.EtagMismatch, () => Allocator.RevokeSeatAsync(assigned.Seat.Name, assigned.Seat.Etag, null, null, Ct));

        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(resent.Seat.Name, Ct).Within()).Status);
    }

    [Fact]
    public async Task RevokeSeat_Unknown_ThrowsSeatNotFound()
    {
        await ThrowsKindAsync(SeatErrorKind.SeatNotFound, () => Allocator.RevokeSeatAsync("seats/nope", null, null, null, Ct));
    }

    [Fact]
    public async Task ResendInvitation_Pending_OldTokenDiesAndNewTokenWorks()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        Time.Advance(TimeSpan.FromDays(1));

        var resent = (await Allocator.ResendInvitationAsync(assigned.Seat.Name, null, null, Ct).Within()).Value!;

        Assert.NotEqual(assigned.InvitationToken, resent.InvitationToken);
        Assert.Equal(Time.GetUtcNow().AddDays(7), resent.Seat.InvitationExpireTime);
        AssertSameSeat(resent.Seat, await Allocator.GetSeatAsync(resent.Seat.Name, Ct).Within());
        await ThrowsKindAsync(
            SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(assigned.InvitationToken!, null, null, null, Ct));
        var claimed = (await Allocator.ClaimSeatAsync(resent.InvitationToken!, null, null, null, Ct).Within()).Value!;
        Assert.Equal(SeatStatus.Claimed, claimed.Status);
    }

    [Fact]
    public async Task ResendInvitation_ClaimedOrRevoked_ThrowsSeatNotPending()
    {
        var pool = await CreatePoolAsync();
        var claimed = await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"), immediateClaim: true);
        var revoked = await AssignAsync(pool.Name, Grantee.ForEmail("b@example.com"));
        await Allocator.RevokeSeatAsync(revoked.Seat.Name, null, null, null, Ct).Within();

        await ThrowsKindAsync(SeatErrorKind.SeatNotPending, () => Allocator.ResendInvitationAsync(claimed.Seat.Name, null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.SeatNotPending, () => Allocator.ResendInvitationAsync(revoked.Seat.Name, null, null, Ct));
    }

    [Fact]
    public async Task ClaimSeat_ValidToken_ClaimsAndRecordsClaimantCustomer()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        Time.Advance(TimeSpan.FromHours(1));

        var claimed = (await Allocator.ClaimSeatAsync(assigned.InvitationToken!, "cus_ann", null, null, Ct).Within()).Value!;

        Assert.Equal(SeatStatus.Claimed, claimed.Status);
        Assert.Equal(Time.GetUtcNow(), claimed.ClaimTime);
        Assert.Equal("cus_ann", claimed.Grantee.CustomerId);
        Assert.Equal(pool.Name, claimed.Parent);
        AssertSameSeat(claimed, await Allocator.GetSeatAsync(claimed.Name, Ct).Within());
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats WHERE token_hash IS NOT NULL"));
    }

    [Fact]
    public async Task ClaimSeat_TokenUsedTwice_ThrowsInvalidInvitationToken()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        await Allocator.ClaimSeatAsync(assigned.InvitationToken!, null, null, null, Ct).Within();

        await ThrowsKindAsync(
            SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(assigned.InvitationToken!, null, null, null, Ct));
    }

    [Fact]
    public async Task ClaimSeat_ExpiredToken_ThrowsInvalidInvitationToken()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        Time.Advance(TimeSpan.FromDays(7));

        await ThrowsKindAsync(
            SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(assigned.InvitationToken!, null, null, null, Ct));

        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(assigned.Seat.Name, Ct).Within()).Status);
    }

    [Fact]
    public async Task ClaimSeat_UnknownOrEmptyToken_ThrowsInvalidInvitationToken()
    {
        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync("not-a-token", null, null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync("", null, null, null, Ct));
    }

    [Fact]
    public async Task ClaimSeat_ClaimantAlreadySeatedInPool_ThrowsGranteeAlreadySeated()
    {
        var pool = await CreatePoolAsync();
        await AssignAsync(pool.Name, Grantee.ForCustomer("cus_ann"), immediateClaim: true);
        var invited = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));

        await ThrowsKindAsync(
            SeatErrorKind.GranteeAlreadySeated, () => Allocator.ClaimSeatAsync(invited.InvitationToken!, "cus_ann", null, null, Ct));

        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(invited.Seat.Name, Ct).Within()).Status);
    }

    [Fact]
    public async Task ListClaimedSubscriptions_ClaimsInThreePools_PagesThroughEachOnce()
    {
        var names = new[] { "subscriptions/a", "orders/b", "subscriptions/c" };
        foreach (var name in names)
        {
            await CreatePoolAsync(name);
            var invited = await AssignAsync(name, Grantee.ForEmail("ann@example.com"));
            await Allocator.ClaimSeatAsync(invited.InvitationToken!, "cus_ann", null, null, Ct).Within();
        }

        var pending = await CreatePoolAsync("orders/pending");
        await AssignAsync(pending.Name, Grantee.ForCustomer("cus_ann"));

        var first = await Allocator.ListClaimedSubscriptionsAsync("cus_ann", 2, null, Ct).Within();
        var second = await Allocator.ListClaimedSubscriptionsAsync("cus_ann", 2, first.NextPageToken, Ct).Within();

        Assert.Equal(2, first.Subscriptions.Count);
        Assert.NotNull(first.NextPageToken);
        Assert.Single(second.Subscriptions);
        Assert.Null(second.NextPageToken);
        Assert.Equal(names, first.Subscriptions.Concat(second.Subscriptions).Select(s => s.Pool.Name));
        Assert.All(first.Subscriptions.Concat(second.Subscriptions), s => Assert.Equal(SeatStatus.Claimed, s.Seat.Status));
        await ThrowsKindAsync(
            SeatErrorKind.InvalidPageToken, () => Allocator.ListClaimedSubscriptionsAsync("cus_bob", 2, first.NextPageToken, Ct));
    }
}

public sealed class SqliteSeatLifecycleTests : SeatLifecycleTests<SqliteStorageProvider>;
