using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

public abstract class PoolTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [StorageFact]
    public async Task UpsertPool_NewName_CreatesPoolAndResizeEvent()
    {
        var result = await Allocator.UpsertPoolAsync(new PoolSettings("orders/ord-1", 3, "cus_1", 1, 10), null, null, Ct).Within();

        var pool = await Allocator.GetPoolAsync("orders/ord-1", Ct).Within();
        Assert.False(result.IsReplayed);
        Assert.Equal(3, pool.TotalSeats);
        Assert.Equal(3, pool.AvailableSeats);
        Assert.Equal("cus_1", pool.CustomerId);
        Assert.Equal(result.Value!.Etag, pool.Etag);
        var events = await Allocator.ReadEventsAsync("orders/ord-1", 0, 10, Ct).Within();
        var created = Assert.Single(events);
        Assert.Equal((SeatEventType.PoolResized, 1L, 3), (created.Type, created.Sequence, created.TotalSeats!.Value));
    }

    [StorageFact]
    public async Task UpsertPool_Resize_ChangesTotalEtagAndRecordsEvent()
    {
        var created = await CreatePoolAsync(totalSeats: 2);

        var resized = (await Allocator.UpsertPoolAsync(new PoolSettings(created.Name, 7, "cus_owner"), null, null, Ct).Within()).Value!;

        Assert.Equal(7, resized.TotalSeats);
        Assert.NotEqual(created.Etag, resized.Etag);
        Assert.Equal(resized, await Allocator.GetPoolAsync(created.Name, Ct).Within());
        var events = await Allocator.ReadEventsAsync(created.Name, 1, 10, Ct).Within();
        Assert.Equal(7, Assert.Single(events).TotalSeats);
    }

    [StorageFact]
    public async Task UpsertPool_BelowOccupied_ThrowsPoolShrinkBelowOccupied()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"));
        await AssignAsync(pool.Name, Grantee.ForEmail("b@example.com"));

        var error = await ThrowsKindAsync(
            SeatErrorKind.PoolShrinkBelowOccupied,
            () => Allocator.UpsertPoolAsync(new PoolSettings(pool.Name, 1, "cus_owner"), null, null, Ct));

        Assert.Contains("revoke seats first", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).TotalSeats);
    }

    [StorageFact]
    public async Task UpsertPool_ShrinkToOccupied_Succeeds()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"));

        var resized = (await Allocator.UpsertPoolAsync(new PoolSettings(pool.Name, 1, "cus_owner"), null, null, Ct).Within()).Value!;

        Assert.Equal((1, 1, 0), (resized.TotalSeats, resized.OccupiedSeats, resized.AvailableSeats));
    }

    [StorageFact]
    public async Task UpsertPool_TotalOutsideBounds_ThrowsPoolBoundsViolated()
    {
        await ThrowsKindAsync(
            SeatErrorKind.PoolBoundsViolated,
            () => Allocator.UpsertPoolAsync(new PoolSettings("subscriptions/s", 11, "", 1, 10), null, null, Ct));
        await ThrowsKindAsync(
            SeatErrorKind.PoolBoundsViolated,
            () => Allocator.UpsertPoolAsync(new PoolSettings("subscriptions/s", 0, "", 1, 10), null, null, Ct));
    }

    [StorageFact]
    public async Task UpsertPool_MinAboveMaxOrBadName_ThrowsInvalidArgument()
    {
        await ThrowsKindAsync(
            SeatErrorKind.InvalidArgument,
            () => Allocator.UpsertPoolAsync(new PoolSettings("subscriptions/s", 5, "", 6, 4), null, null, Ct));
        await ThrowsKindAsync(
            SeatErrorKind.InvalidArgument,
            () => Allocator.UpsertPoolAsync(new PoolSettings("customers/s", 5), null, null, Ct));
        await ThrowsKindAsync(
            SeatErrorKind.InvalidArgument,
            () => Allocator.UpsertPoolAsync(new PoolSettings("orders/" + new string('x', 64), 5), null, null, Ct));
    }

    [StorageFact]
    public async Task GetPool_Unknown_ThrowsPoolNotFound()
    {
        await ThrowsKindAsync(SeatErrorKind.PoolNotFound, () => Allocator.GetPoolAsync("orders/missing", Ct));
    }

    [StorageFact]
    public async Task CheckHealth_OpenDatabase_ReturnsTrue()
    {
        Assert.True(await Allocator.CheckHealthAsync(Ct).Within());
    }
}

public sealed class SqlitePoolTests : PoolTests<SqliteStorageProvider>;

public sealed class PostgresPoolTests : PoolTests<PostgresStorageProvider>;
