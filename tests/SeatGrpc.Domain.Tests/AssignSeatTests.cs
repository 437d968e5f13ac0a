using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

public abstract class AssignSeatTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [StorageFact]
    public async Task AssignSeat_FreeSeat_ReturnsPendingSeatAndTokenStoredOnlyAsHash()
    {
        var pool = await CreatePoolAsync(totalSeats: 2);
        var metadata = new Dictionary<string, string> { ["team"] = "red" };

        var result = await Allocator.AssignSeatAsync(pool.Name, Grantee.ForEmail("Ann@Example.com"), metadata, false, null, null, Ct).Within();

        var assigned = result.Value!;
        Assert.Equal(SeatStatus.Pending, assigned.Seat.Status);
        Assert.StartsWith("seats/", assigned.Seat.Name, StringComparison.Ordinal);
        Assert.Equal(22, assigned.Seat.Name.Length - "seats/".Length);
        Assert.Equal("Ann@Example.com", assigned.Seat.Grantee.Email);
        Assert.Equal("red", assigned.Seat.Metadata["team"]);
        Assert.Equal(Time.GetUtcNow().AddDays(7), assigned.Seat.InvitationExpireTime);
        Assert.NotNull(assigned.InvitationToken);
        Assert.StartsWith(assigned.Seat.Name["seats/".Length..] + ".", assigned.InvitationToken, StringComparison.Ordinal);
        Assert.Equal(22 + 1 + 43, assigned.InvitationToken!.Length);
        AssertSameSeat(assigned.Seat, await Allocator.GetSeatAsync(assigned.Seat.Name, Ct).Within());
        Assert.Equal(1, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats WHERE CAST(token_hash AS TEXT) = @T", new { T = assigned.InvitationToken }));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM seats WHERE length(token_hash) = 32"));
    }

    [StorageFact]
    public async Task AssignSeat_ImmediateClaim_ReturnsClaimedSeatWithoutToken()
    {
        var pool = await CreatePoolAsync();

        var assigned = await AssignAsync(pool.Name, Grantee.ForCustomer("cus_9"), immediateClaim: true);

        Assert.Null(assigned.InvitationToken);
        Assert.Equal(SeatStatus.Claimed, assigned.Seat.Status);
        Assert.Equal(Time.GetUtcNow(), assigned.Seat.ClaimTime);
        Assert.Null(assigned.Seat.InvitationExpireTime);
    }

    [StorageFact]
    public async Task AssignSeat_FullPool_ThrowsNoSeatsAvailable()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"));

        await ThrowsKindAsync(SeatErrorKind.NoSeatsAvailable, () => AssignAsync(pool.Name, Grantee.ForEmail("b@example.com")));

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM seats"));
    }

    [StorageFact]
    public async Task AssignSeat_UnknownPool_ThrowsPoolNotFound()
    {
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => AssignAsync("orders/none", Grantee.ForEmail("a@example.com")));
    }

    [StorageFact]
    public async Task AssignSeat_SameEmailInOtherCase_ThrowsGranteeAlreadySeatedAndFreesNothing()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));

        await ThrowsKindAsync(SeatErrorKind.GranteeAlreadySeated, () => AssignAsync(pool.Name, Grantee.ForEmail("ANN@example.COM")));

        Assert.Equal(2, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [StorageFact]
    public async Task AssignSeat_SameCustomerOrExternalId_ThrowsGranteeAlreadySeated()
    {
        var pool = await CreatePoolAsync(totalSeats: 4);
        await AssignAsync(pool.Name, new Grantee("x@example.com", "cus_1", "ext_1"));

        await ThrowsKindAsync(SeatErrorKind.GranteeAlreadySeated, () => AssignAsync(pool.Name, Grantee.ForCustomer("cus_1")));
        await ThrowsKindAsync(SeatErrorKind.GranteeAlreadySeated, () => AssignAsync(pool.Name, Grantee.ForExternalCustomer("ext_1")));
    }

    [StorageFact]
    public async Task AssignSeat_SameGranteeInOtherPool_Succeeds()
    {
        var first = await CreatePoolAsync("subscriptions/a");
        var second = await CreatePoolAsync("orders/a");
        await AssignAsync(first.Name, Grantee.ForEmail("ann@example.com"));

        var assigned = await AssignAsync(second.Name, Grantee.ForEmail("ann@example.com"));

        Assert.Equal(second.Name, assigned.Seat.Parent);
    }

    [StorageFact]
    public async Task AssignSeat_AfterRevoke_SameGranteeGetsNewSeat()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        var first = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));
        await Allocator.RevokeSeatAsync(first.Seat.Name, null, null, null, Ct).Within();

        var second = await AssignAsync(pool.Name, Grantee.ForEmail("ann@example.com"));

        Assert.NotEqual(first.Seat.Name, second.Seat.Name);
        Assert.Equal(0, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [StorageFact]
    public async Task AssignSeat_BadGranteeOrMetadata_ThrowsInvalidArgument()
    {
        var pool = await CreatePoolAsync();
        var tooMany = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", _ => "v");
        var longKey = new Dictionary<string, string> { [new string('k', 41)] = "v" };
        var longValue = new Dictionary<string, string> { ["k"] = new string('v', 501) };

        await ThrowsKindAsync(SeatErrorKind.InvalidArgument, () => AssignAsync(pool.Name, new Grantee()));
        foreach (var metadata in new[] { tooMany, longKey, longValue })
        {
            await ThrowsKindAsync(
                SeatErrorKind.InvalidArgument,
                () => Allocator.AssignSeatAsync(pool.Name, Grantee.ForEmail("a@example.com"), metadata, false, null, null, Ct));
        }

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats"));
    }

    [StorageFact]
    public async Task AssignSeat_64ConcurrentCallersForLastSeat_ExactlyOneWins()
    {
        var pool = await CreatePoolAsync(totalSeats: 10);
        for (var i = 0; i < 9; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForEmail($"early{i}@example.com"));
        }

        var attempts = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            try
            {
                await AssignAsync(pool.Name, Grantee.ForEmail($"racer{i}@example.com"));
                return (SeatErrorKind?)null;
            }
            catch (SeatDomainException ex)
            {
                return ex.Kind;
            }
        }, Ct)).ToArray();
        var outcomes = await Task.WhenAll(attempts).Within();

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.Equal(63, outcomes.Count(o => o == SeatErrorKind.NoSeatsAvailable));
        var page = await Allocator.ListSeatsAsync(pool.Name, null, 100, null, Ct).Within();
        Assert.Equal(10, page.Seats.Count);
        Assert.Equal(0, page.AvailableSeats);
        Assert.Single(page.Seats, s => s.Grantee.Email!.StartsWith("racer", StringComparison.Ordinal));
    }
}

public sealed class SqliteAssignSeatTests : AssignSeatTests<SqliteStorageProvider>;

public sealed class PostgresAssignSeatTests : AssignSeatTests<PostgresStorageProvider>;
