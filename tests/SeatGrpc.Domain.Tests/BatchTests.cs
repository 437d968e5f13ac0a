using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

public abstract class BatchTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    [StorageFact]
    public async Task ApplyBatch_AssignUnassignReplace_AppliesInOrderWithOneEventEach()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        await AssignAsync(pool.Name, Grantee.ForEmail("old@example.com"));
        await AssignAsync(pool.Name, Grantee.ForEmail("leaver@example.com"));
        var changes = new SeatChange[]
        {
            new AssignChange(Grantee.ForEmail("new@example.com")),
            new UnassignChange(Grantee.ForEmail("LEAVER@example.com")),
            new ReplaceChange(Grantee.ForEmail("old@example.com"), Grantee.ForCustomer("cus_next"), ImmediateClaim: true),
        };

        var result = (await Allocator.ApplyBatchAsync(pool.Name, changes, null, null, Ct).Within()).Value!;

        Assert.Equal(3, result.Results.Count);
        Assert.Equal(SeatStatus.Pending, result.Results[0].Seat.Status);
        Assert.NotNull(result.Results[0].InvitationToken);
        Assert.Equal(SeatStatus.Revoked, result.Results[1].Seat.Status);
        Assert.Equal(SeatStatus.Claimed, result.Results[2].Seat.Status);
        Assert.Null(result.Results[2].InvitationToken);
        Assert.Equal(1, result.AvailableSeats);
        var events = await Allocator.ReadEventsAsync(pool.Name, 3, 10, Ct).Within();
        Assert.Equal([SeatEventType.Assigned, SeatEventType.Unassigned, SeatEventType.Replaced], events.Select(e => e.Type));
        var replaced = events[2];
        Assert.Equal("cus_next", replaced.Grantee!.CustomerId);
        Assert.Equal("old@example.com", replaced.PreviousGrantee!.Email);
        Assert.Equal(result.Results[2].Seat.Name, replaced.SeatName);
        Assert.NotNull(replaced.PreviousSeatName);
    }

    [StorageFact]
    public async Task ApplyBatch_ThirdChangeFails_LeavesNoTraceOfTheFirstTwo()
    {
        var pool = await CreatePoolAsync(totalSeats: 2);
        var key = new IdempotencyKey(Guid.NewGuid().ToString(), "ApplyBatch", new byte[] { 1, 2, 3 });
        var changes = new SeatChange[]
        {
            new AssignChange(Grantee.ForEmail("a@example.com")),
            new AssignChange(Grantee.ForEmail("b@example.com")),
            new AssignChange(Grantee.ForEmail("c@example.com")),
        };
        var eventsBefore = await CountAsync("SELECT COUNT(*) FROM seat_events");

        var error = await ThrowsKindAsync(
            SeatErrorKind.BatchChangeFailed, () => Allocator.ApplyBatchAsync(pool.Name, changes, key, _ => [9], Ct));

        Assert.Equal(2, error.ChangeIndex);
        Assert.Equal(SeatErrorKind.NoSeatsAvailable, error.ChangeError!.Kind);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats"));
        Assert.Equal(eventsBefore, await CountAsync("SELECT COUNT(*) FROM seat_events"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM idempotency_records"));
        Assert.Equal(2, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [StorageFact]
    public async Task ApplyBatch_ReplaceInFullPool_NeedsNoFreeSeat()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        var old = await AssignAsync(pool.Name, Grantee.ForEmail("old@example.com"));

        var result = (await Allocator.ApplyBatchAsync(
            pool.Name, [new ReplaceChange(Grantee.ForEmail("old@example.com"), Grantee.ForEmail("new@example.com"))], null, null, Ct).Within()).Value!;

        Assert.Equal(0, result.AvailableSeats);
        Assert.Equal("new@example.com", result.Results[0].Seat.Grantee.Email);
        Assert.Equal(SeatStatus.Revoked, (await Allocator.GetSeatAsync(old.Seat.Name, Ct).Within()).Status);
    }

    [StorageFact]
    public async Task ApplyBatch_UnassignUnknownGrantee_ThrowsBatchChangeFailedWithSeatNotFound()
    {
        var pool = await CreatePoolAsync();

        var error = await ThrowsKindAsync(
            SeatErrorKind.BatchChangeFailed,
            () => Allocator.ApplyBatchAsync(pool.Name, [new UnassignChange(Grantee.ForEmail("ghost@example.com"))], null, null, Ct));

        Assert.Equal(0, error.ChangeIndex);
        Assert.Equal(SeatErrorKind.SeatNotFound, error.ChangeError!.Kind);
    }

    [StorageFact]
    public async Task ApplyBatch_ReplaceToSeatedGrantee_ThrowsBatchChangeFailedWithGranteeAlreadySeated()
    {
        var pool = await CreatePoolAsync();
        await AssignAsync(pool.Name, Grantee.ForEmail("a@example.com"));
        await AssignAsync(pool.Name, Grantee.ForEmail("b@example.com"));

        var error = await ThrowsKindAsync(
            SeatErrorKind.BatchChangeFailed,
            () => Allocator.ApplyBatchAsync(pool.Name, [new ReplaceChange(Grantee.ForEmail("a@example.com"), Grantee.ForEmail("B@example.com"))], null, null, Ct));

        Assert.Equal(SeatErrorKind.GranteeAlreadySeated, error.ChangeError!.Kind);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM seats WHERE status <> 'revoked'"));
    }

    [StorageFact]
    public async Task ApplyBatch_SameGranteeTwiceAmongAssigns_FailsAtTheSecondWithNoTrace()
    {
        var pool = await CreatePoolAsync(totalSeats: 10);
        var changes = new SeatChange[]
        {
            new AssignChange(Grantee.ForEmail("a@example.com")),
            new AssignChange(Grantee.ForEmail("b@example.com")),
            new AssignChange(Grantee.ForEmail("A@example.com")),
            new AssignChange(Grantee.ForEmail("c@example.com")),
        };

        var error = await ThrowsKindAsync(SeatErrorKind.BatchChangeFailed, () => Allocator.ApplyBatchAsync(pool.Name, changes, null, null, Ct));

        Assert.Equal(2, error.ChangeIndex);
        Assert.Equal(SeatErrorKind.GranteeAlreadySeated, error.ChangeError!.Kind);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats"));
        Assert.Equal(10, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [StorageFact]
    public async Task ApplyBatch_UnassignTwiceThenAssignBack_FailsOnlyAtTheSecondUnassign()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        await AssignAsync(pool.Name, Grantee.ForCustomer("cus_1"));
        var twice = new SeatChange[] { new UnassignChange(Grantee.ForCustomer("cus_1")), new UnassignChange(Grantee.ForCustomer("cus_1")) };

        var error = await ThrowsKindAsync(SeatErrorKind.BatchChangeFailed, () => Allocator.ApplyBatchAsync(pool.Name, twice, null, null, Ct));

        Assert.Equal(1, error.ChangeIndex);
        Assert.Equal(SeatErrorKind.SeatNotFound, error.ChangeError!.Kind);
        var back = new SeatChange[]
        {
            new UnassignChange(Grantee.ForCustomer("cus_1")),
            new AssignChange(Grantee.ForCustomer("cus_1"), ImmediateClaim: true),
            new AssignChange(Grantee.ForEmail("x@example.com")),
            new UnassignChange(Grantee.ForEmail("x@example.com")),
        };
        var result = (await Allocator.ApplyBatchAsync(pool.Name, back, null, null, Ct).Within()).Value!;
        Assert.Equal([SeatStatus.Revoked, SeatStatus.Claimed, SeatStatus.Pending, SeatStatus.Revoked], result.Results.Select(r => r.Seat.Status));
        Assert.Equal(result.Results[2].Seat.Name, result.Results[3].Seat.Name);
        Assert.Equal(2, result.AvailableSeats);
        var events = await Allocator.ReadEventsAsync(pool.Name, 2, 10, Ct).Within();
        Assert.Equal(
            [SeatEventType.Unassigned, SeatEventType.Assigned, SeatEventType.Assigned, SeatEventType.Unassigned], events.Select(e => e.Type));
        Assert.Equal([3L, 4L, 5L, 6L], events.Select(e => e.Sequence));
    }

    [StorageFact]
    public async Task ApplyBatch_ClashBeforeFullPool_ReportsTheClash()
    {
        var pool = await CreatePoolAsync(totalSeats: 2);
        await AssignAsync(pool.Name, Grantee.ForEmail("held@example.com"));
        var changes = new SeatChange[]
        {
            new AssignChange(Grantee.ForEmail("held@example.com")),
            new AssignChange(Grantee.ForEmail("b@example.com")),
            new AssignChange(Grantee.ForEmail("c@example.com")),
        };

        var error = await ThrowsKindAsync(SeatErrorKind.BatchChangeFailed, () => Allocator.ApplyBatchAsync(pool.Name, changes, null, null, Ct));

        Assert.Equal(0, error.ChangeIndex);
        Assert.Equal(SeatErrorKind.GranteeAlreadySeated, error.ChangeError!.Kind);
        Assert.Equal(1, (await Allocator.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [StorageFact]
    public async Task ApplyBatch_UnknownPool_ThrowsPoolNotFound()
    {
        await ThrowsKindAsync(
            SeatErrorKind.PoolNotFound,
            () => Allocator.ApplyBatchAsync("orders/none", [new AssignChange(Grantee.ForEmail("a@example.com"))], null, null, Ct));
    }

    [StorageFact]
    public async Task ApplyBatch_32ConcurrentBatchesForLastTwoSeats_ExactlyOneWins()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        await AssignAsync(pool.Name, Grantee.ForEmail("first@example.com"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            SeatChange[] changes = [new AssignChange(Grantee.ForEmail($"a{i}@example.com")), new AssignChange(Grantee.ForEmail($"b{i}@example.com"))];
            try
            {
                await Allocator.ApplyBatchAsync(pool.Name, changes, null, null, Ct);
                return (SeatErrorKind?)null;
            }
            catch (SeatDomainException ex)
            {
                return ex.ChangeError?.Kind;
            }
        }, Ct))).Within();

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.Equal(31, outcomes.Count(o => o == SeatErrorKind.NoSeatsAvailable));
        var page = await Allocator.ListSeatsAsync(pool.Name, null, 100, null, Ct).Within();
        Assert.Equal(3, page.Seats.Count);
        Assert.Equal(0, page.AvailableSeats);
    }

    [StorageFact]
    public async Task ApplyBatch_ConcurrentReplacesAndUnassignsOfOneSeat_ExactlyOneWins()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        await AssignAsync(pool.Name, Grantee.ForEmail("holder@example.com"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            SeatChange change = i % 2 == 0
                ? new ReplaceChange(Grantee.ForEmail("holder@example.com"), Grantee.ForEmail($"next{i}@example.com"))
                : new UnassignChange(Grantee.ForEmail("holder@example.com"));
            try
            {
                await Allocator.ApplyBatchAsync(pool.Name, [change], null, null, Ct);
                return (SeatErrorKind?)null;
            }
            catch (SeatDomainException ex)
            {
                return ex.ChangeError?.Kind;
            }
        }, Ct))).Within();

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.Equal(31, outcomes.Count(o => o == SeatErrorKind.SeatNotFound));
        var pool2 = await Allocator.GetPoolAsync(pool.Name, Ct).Within();
        var active = await CountAsync("SELECT COUNT(*) FROM seats WHERE status <> 'revoked'");
        Assert.Equal(active, pool2.OccupiedSeats);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM seats WHERE email = 'holder@example.com' AND status <> 'revoked'"));
    }
}

public sealed class SqliteBatchTests : BatchTests<SqliteStorageProvider>;

public sealed class PostgresBatchTests : BatchTests<PostgresStorageProvider>;
