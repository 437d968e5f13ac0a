using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

public abstract class IdempotencyTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    private static readonly Func<AssignedSeat, byte[]> EncodeSeatName =
        assigned => System.Text.Encoding.UTF8.GetBytes(assigned.Seat.Name);

    [Fact]
    public async Task AssignSeat_RepeatedRequestId_ReplaysStoredBytesWithoutSecondSeat()
    {
        var pool = await CreatePoolAsync(totalSeats: 2);
        var key = new IdempotencyKey(Guid.NewGuid().ToString(), "AssignSeat", new byte[] { 1 });
        var first = await Allocator.AssignSeatAsync(pool.Name, Grantee.ForEmail("a@example.com"), null, false, key, EncodeSeatName, Ct).Within();

        var second = await Allocator.AssignSeatAsync(pool.Name, Grantee.ForEmail("a@example.com"), null, false, key, EncodeSeatName, Ct).Within();

        Assert.False(first.IsReplayed);
        Assert.True(second.IsReplayed);
        Assert.Null(second.Value);
        Assert.Equal(first.Value!.Seat.Name, System.Text.Encoding.UTF8.GetString(second.StoredResponse.Span));
        Assert.Equal(1, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM seats"));
        var events = await Allocator.ReadEventsAsync(pool.Name, 1, 10, Ct).Within();
        Assert.Equal(key.RequestId, Assert.Single(events).RequestId);
    }

    [Fact]
    public async Task AssignSeat_RequestIdReusedWithOtherFingerprintOrOperation_ThrowsRequestIdReused()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        var requestId = Guid.NewGuid().ToString();
        await Allocator.AssignSeatAsync(
            pool.Name, Grantee.ForEmail("a@example.com"), null, false, new IdempotencyKey(requestId, "AssignSeat", new byte[] { 1 }), EncodeSeatName, Ct).Within();

        await ThrowsKindAsync(
            SeatErrorKind.RequestIdReused,
            () => Allocator.AssignSeatAsync(
                pool.Name, Grantee.ForEmail("b@example.com"), null, false, new IdempotencyKey(requestId, "AssignSeat", new byte[] { 2 }), EncodeSeatName, Ct));
        await ThrowsKindAsync(
            SeatErrorKind.RequestIdReused,
            () => Allocator.RevokeSeatAsync("seats/x", null, new IdempotencyKey(requestId, "RevokeSeat", new byte[] { 1 }), _ => [], Ct));

        Assert.Equal(2, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [Fact]
    public async Task ApplyBatch_RepeatedRequestId_ReplaysWithoutSecondApplication()
    {
        var pool = await CreatePoolAsync(totalSeats: 4);
        var key = new IdempotencyKey(Guid.NewGuid().ToString(), "ApplyBatch", new byte[] { 7 });
        SeatChange[] changes = [new AssignChange(Grantee.ForEmail("a@example.com")), new AssignChange(Grantee.ForEmail("b@example.com"))];
        await Allocator.ApplyBatchAsync(pool.Name, changes, key, r => [(byte)r.AvailableSeats], Ct).Within();

        var replay = await Allocator.ApplyBatchAsync(pool.Name, changes, key, r => [(byte)r.AvailableSeats], Ct).Within();

        Assert.True(replay.IsReplayed);
        Assert.Equal(new byte[] { 2 }, replay.StoredResponse.ToArray());
        Assert.Equal(2, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [Fact]
    public async Task Mutation_FailedWithKey_StoresNoRecordSoRetryRunsAgain()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"));
        var key = new IdempotencyKey(Guid.NewGuid().ToString(), "AssignSeat", new byte[] { 1 });
        await ThrowsKindAsync(
            SeatErrorKind.NoSeatsAvailable,
            () => Allocator.AssignSeatAsync(pool.Name, Grantee.ForEmail("b@example.com"), null, false, key, EncodeSeatName, Ct));
        await Allocator.UpsertPoolAsync(new PoolSettings(pool.Name, 2, "cus_owner"), null, null, Ct).Within();

        var retry = await Allocator.AssignSeatAsync(pool.Name, Grantee.ForEmail("b@example.com"), null, false, key, EncodeSeatName, Ct).Within();

        Assert.False(retry.IsReplayed);
    }

    [Fact]
    public async Task IdempotencyRecords_OlderThanRetention_ArePurgedOnLaterWrites()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        await Allocator.AssignSeatAsync(
            pool.Name, Grantee.ForEmail("a@example.com"), null, false, new IdempotencyKey("old", "AssignSeat", new byte[] { 1 }), EncodeSeatName, Ct).Within();
        Time.Advance(TimeSpan.FromHours(25));

        await Allocator.AssignSeatAsync(
            pool.Name, Grantee.ForEmail("b@example.com"), null, false, new IdempotencyKey("new", "AssignSeat", new byte[] { 1 }), EncodeSeatName, Ct).Within();

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM idempotency_records WHERE request_id = 'old'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM idempotency_records WHERE request_id = 'new'"));
    }
}

public sealed class SqliteIdempotencyTests : IdempotencyTests<SqliteStorageProvider>;
