using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

public abstract class PaginationTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [Fact]
    public async Task ListSeats_2500Seats_WalksEachSeatExactlyOnce()
    {
        var pool = await CreatePoolAsync(totalSeats: 2600);
        var created = new HashSet<string>(StringComparer.Ordinal);
        for (var batch = 0; batch < 25; batch++)
        {
            var changes = Enumerable.Range(0, 100)
                .Select(i => (SeatChange)new AssignChange(Grantee.ForCustomer($"cus_{batch}_{i}"), ImmediateClaim: true))
                .ToArray();
            var result = await Allocator.ApplyBatchAsync(pool.Name, changes, null, null, Ct).Within();
            created.UnionWith(result.Value!.Results.Select(r => r.Seat.Name));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Allocator.ListSeatsAsync(pool.Name, null, 300, token, Ct).Within();
            Assert.Equal((2600, 100), (page.TotalSeats, page.AvailableSeats));
            seen.AddRange(page.Seats.Select(s => s.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(9, pages);
        Assert.Equal(2500, seen.Count);
        Assert.True(created.SetEquals(seen));
    }

    [Fact]
    public async Task ListSeats_StatusFilter_ReturnsOnlyThatStatusAcrossPages()
    {
        var pool = await CreatePoolAsync(totalSeats: 10);
        for (var i = 0; i < 6; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForEmail($"u{i}@example.com"), immediateClaim: i % 2 == 0);
        }

        var first = await Allocator.ListSeatsAsync(pool.Name, SeatStatus.Claimed, 2, null, Ct).Within();
        var second = await Allocator.ListSeatsAsync(pool.Name, SeatStatus.Claimed, 2, first.NextPageToken, Ct).Within();

        Assert.Equal(3, first.Seats.Count + second.Seats.Count);
        Assert.All(first.Seats.Concat(second.Seats), s => Assert.Equal(SeatStatus.Claimed, s.Status));
        Assert.Null(second.NextPageToken);
        Assert.Equal(4, second.AvailableSeats);
    }

    [Fact]
    public async Task ListSeats_PageSizeZeroOrHuge_IsClampedToDefaultAndMaximum()
    {
        var pool = await CreatePoolAsync(totalSeats: 60);
        var changes = Enumerable.Range(0, 60).Select(i => (SeatChange)new AssignChange(Grantee.ForCustomer($"c{i}"), ImmediateClaim: true)).ToArray();
        await Allocator.ApplyBatchAsync(pool.Name, changes, null, null, Ct).Within();

        var defaulted = await Allocator.ListSeatsAsync(pool.Name, null, 0, null, Ct).Within();
        var clamped = await Allocator.ListSeatsAsync(pool.Name, null, 5000, null, Ct).Within();

        Assert.Equal(50, defaulted.Seats.Count);
        Assert.Equal(60, clamped.Seats.Count);
    }

    [Fact]
    public async Task ListSeats_TokenFromOtherQuery_ThrowsInvalidPageToken()
    {
        var first = await CreatePoolAsync("subscriptions/one", 5);
        var other = await CreatePoolAsync("subscriptions/two", 5);
        for (var i = 0; i < 3; i++)
        {
            await AssignAsync(first.Name, Grantee.ForEmail($"u{i}@example.com"));
        }

        var token = (await Allocator.ListSeatsAsync(first.Name, null, 1, null, Ct).Within()).NextPageToken!;

        await ThrowsKindAsync(SeatErrorKind.InvalidPageToken, () => Allocator.ListSeatsAsync(other.Name, null, 1, token, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidPageToken, () => Allocator.ListSeatsAsync(first.Name, SeatStatus.Pending, 1, token, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidPageToken, () => Allocator.ListClaimedSubscriptionsAsync("cus", 1, token, Ct));
    }

    [Fact]
    public async Task ListSeats_TamperedOrGarbageToken_ThrowsInvalidPageToken()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        for (var i = 0; i < 3; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForEmail($"u{i}@example.com"));
        }

        var token = (await Allocator.ListSeatsAsync(pool.Name, null, 1, null, Ct).Within()).NextPageToken!;
        var chars = token.ToCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        var tampered = new string(chars);

        await ThrowsKindAsync(SeatErrorKind.InvalidPageToken, () => Allocator.ListSeatsAsync(pool.Name, null, 1, tampered, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidPageToken, () => Allocator.ListSeatsAsync(pool.Name, null, 1, "garbage!", Ct));
        Assert.Single((await Allocator.ListSeatsAsync(pool.Name, null, 1, token, Ct).Within()).Seats);
    }

    [Fact]
    public async Task ListSeats_UnknownPool_ThrowsPoolNotFound()
    {
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Allocator.ListSeatsAsync("orders/none", null, 10, null, Ct));
    }
}

public sealed class SqlitePaginationTests : PaginationTests<SqliteStorageProvider>;
