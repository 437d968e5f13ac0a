using Dapper;
using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// Invitation tokens of schema version 3 name their seat (<c>{seat id}.{secret}</c>): the claim looks the seat up by its
/// id and checks the hash of the whole token there, and every wrong token fails the same way, whichever part is wrong.
/// </summary>
public abstract class InvitationTokenTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [StorageFact]
    public async Task AssignSeat_Pending_TokenNamesTheSeatAndClaimsIt()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));

        var (seatId, secret) = Split(assigned.InvitationToken!);
        var claimed = (await Allocator.ClaimSeatAsync(assigned.InvitationToken!, null, null, null, Ct).Within()).Value!;

        Assert.Equal((assigned.Seat.Name, 43), ("seats/" + seatId, secret.Length));
        Assert.Equal((assigned.Seat.Name, SeatStatus.Claimed), (claimed.Name, claimed.Status));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats WHERE legacy_token"));
    }

    [StorageFact]
    public async Task ApplyBatch_Assigns_EachTokenNamesItsSeat()
    {
        var pool = await CreatePoolAsync();
        SeatChange[] changes = [new AssignChange(Grantee.ForEmail("a@example.com")), new AssignChange(Grantee.ForEmail("b@example.com"))];

        var results = (await Allocator.ApplyBatchAsync(pool.Name, changes, null, null, Ct).Within()).Value!.Results;

        Assert.All(results, r => Assert.Equal(r.Seat.Name, "seats/" + Split(r.InvitationToken!).SeatId));
        var claimed = (await Allocator.ClaimSeatAsync(results[1].InvitationToken!, null, null, null, Ct).Within()).Value!;
        Assert.Equal((results[1].Seat.Name, SeatStatus.Claimed), (claimed.Name, claimed.Status));
    }

    [StorageFact]
    public async Task ResendInvitation_Pending_NewTokenNamesTheSameSeat()
    {
        var pool = await CreatePoolAsync();
        var assigned = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));

        var resent = (await Allocator.ResendInvitationAsync(assigned.Seat.Name, null, null, Ct).Within()).Value!;

        Assert.Equal(Split(assigned.InvitationToken!).SeatId, Split(resent.InvitationToken!).SeatId);
        Assert.NotEqual(Split(assigned.InvitationToken!).Secret, Split(resent.InvitationToken!).Secret);
    }

    [StorageFact]
    public async Task ClaimSeat_RightSeatWrongSecret_FailsAsAnUnknownToken()
    {
        var pool = await CreatePoolAsync();
        var ann = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        var bob = await AssignAsync(pool.Name, Grantee.ForEmail("bob@example.com"));
        var unknown = await ClaimErrorAsync("not-a-token");

        var error = await ClaimErrorAsync(Split(ann.InvitationToken!).SeatId + "." + Split(bob.InvitationToken!).Secret);

        Assert.Equal((unknown.Kind, unknown.Message), (error.Kind, error.Message));
        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(ann.Seat.Name, Ct).Within()).Status);
    }

    [StorageFact]
    public async Task ClaimSeat_TokenNamingAnotherSeat_FailsAndBothTokensStillWork()
    {
        var pool = await CreatePoolAsync();
        var ann = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        var bob = await AssignAsync(pool.Name, Grantee.ForEmail("bob@example.com"));
        var unknown = await ClaimErrorAsync("not-a-token");

        var error = await ClaimErrorAsync(Split(bob.InvitationToken!).SeatId + "." + Split(ann.InvitationToken!).Secret);

        Assert.Equal((unknown.Kind, unknown.Message), (error.Kind, error.Message));
        Assert.Equal(SeatStatus.Claimed, (await Allocator.ClaimSeatAsync(ann.InvitationToken!, null, null, null, Ct).Within()).Value!.Status);
        Assert.Equal(SeatStatus.Claimed, (await Allocator.ClaimSeatAsync(bob.InvitationToken!, null, null, null, Ct).Within()).Value!.Status);
    }

    [StorageFact]
    public async Task ClaimSeat_MalformedSeatPart_FailsAsAnUnknownToken()
    {
        var pool = await CreatePoolAsync();
        var ann = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        var (seatId, secret) = Split(ann.InvitationToken!);
        var unknown = await ClaimErrorAsync("not-a-token");

        string[] malformed = ["." + secret, "!!!." + secret, "seats/" + seatId + "." + secret, seatId + "." + secret + ".x", seatId + ".", "."];
        foreach (var token in malformed)
        {
            var error = await ClaimErrorAsync(token);
            Assert.Equal((unknown.Kind, unknown.Message), (error.Kind, error.Message));
        }

        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(ann.Seat.Name, Ct).Within()).Status);
    }

    [StorageFact]
    public async Task ClaimSeat_AnotherTenantsToken_FailsAsAnUnknownToken()
    {
        var pool = await CreatePoolAsync();
        var ann = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        var unknown = await ClaimErrorAsync("not-a-token");

        var error = await Assert.ThrowsAsync<SeatDomainException>(
            () => Seats.For(new Caller("acme")).ClaimSeatAsync(ann.InvitationToken!, null, null, null, Ct).Within());

        Assert.Equal((unknown.Kind, unknown.Message), (error.Kind, error.Message));
        Assert.Equal(SeatStatus.Pending, (await Allocator.GetSeatAsync(ann.Seat.Name, Ct).Within()).Status);
    }

    private async Task<SeatDomainException> ClaimErrorAsync(string token) =>
        await ThrowsKindAsync(SeatErrorKind.InvalidInvitationToken, () => Allocator.ClaimSeatAsync(token, null, null, null, Ct));

    private static (string SeatId, string Secret) Split(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(2, parts.Length);
        return (parts[0], parts[1]);
    }
}

public sealed class SqliteInvitationTokenTests : InvitationTokenTests<SqliteStorageProvider>
{
    [Theory]
    [InlineData(SeatRepository.ClaimBySeatAndTokenHash, "sqlite_autoindex_seats_1 (public_id=?)")]
    [InlineData(SeatRepository.ClaimByLegacyTokenHash, "seats_by_legacy_token_hash (token_hash=?)")]
    public async Task ClaimSeat_EitherTokenForm_SearchesAnIndexNotTheTable(string claim, string index)
    {
        await using var session = await Database.OpenReadAsync(Ct).Within();

        var plan = (await session.Connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            new CommandDefinition(
                "EXPLAIN QUERY PLAN " + claim,
                new { SeatId = "x", TokenHash = new byte[32], Tenant = "default", ClaimantCustomerId = (string?)null, Now = 0L },
                cancellationToken: Ct)).Within()).Select(row => row.Detail).ToList();

        Assert.Equal(["SEARCH seats USING INDEX " + index], plan);
    }
}

public sealed class PostgresInvitationTokenTests : InvitationTokenTests<PostgresStorageProvider>;
