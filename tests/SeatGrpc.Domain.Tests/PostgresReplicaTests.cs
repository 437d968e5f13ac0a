using System.Text;
using Npgsql;
using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage;
using SeatGrpc.Testing;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// Two "replicas" sharing one PostgreSQL database: the fixture's allocator (replica A) and a second SeatDatabase,
/// with its own connection pool, notifier and allocator (replica B).
/// </summary>
public sealed class PostgresReplicaTests : StorageTestBase<PostgresStorageProvider>
{
    private static readonly Func<AssignedSeat, byte[]> EncodeSeatName = assigned => Encoding.UTF8.GetBytes(assigned.Seat.Name);

    private SeatDatabase _databaseB = null!;
    private PostgresSeatEventNotifier _notifierB = null!;

    private TenantSeats AllocatorA => Allocator;

    private TenantSeats AllocatorB { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _databaseB = await SeatDatabase.OpenPostgresAsync(new PostgresStorageOptions(Provider.ConnectionStringForReplica(2)), null, Ct).Within();
        _notifierB = new PostgresSeatEventNotifier(_databaseB, null);
        var seatsB = await SeatAllocator.CreateAsync(_databaseB, new SeatAllocatorOptions(), _notifierB, Time, null, Ct).Within();
        AllocatorB = seatsB.For(new Caller(Caller.DefaultTenant));
        await _notifierB.WaitUntilListeningAsync(Ct).Within();
    }

    public override async Task DisposeAsync()
    {
        if (_notifierB is not null)
        {
            await _notifierB.DisposeAsync().AsTask().Within();
        }

        _databaseB?.Dispose();
        await base.DisposeAsync();
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task AssignSeat_64ConcurrentForLastSeatOnTwoReplicas_GivesExactlyOneSeat()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        for (var i = 0; i < 4; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForEmail($"early{i}@example.com"));
        }

        var attempts = Enumerable.Range(0, 64).Select(i => Task.Run(() => CaptureAsync(() =>
            (i % 2 == 0 ? AllocatorA : AllocatorB).AssignSeatAsync(pool.Name, Grantee.ForEmail($"racer{i}@example.com"), null, false, null, null, Ct))));
        var outcomes = await Task.WhenAll(attempts).Within();

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(SeatErrorKind.NoSeatsAvailable, o));
        Assert.Equal(0, (await AllocatorB.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
        Assert.Equal(5, await CountAsync("SELECT COUNT(*) FROM seats WHERE status <> 'revoked'"));
        await AssertGaplessEventsAsync(pool.Name, expected: 6);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task ApplyBatch_32ConcurrentBatchesForLastTwoSeatsOnTwoReplicas_ExactlyOneApplies()
    {
        var pool = await CreatePoolAsync(totalSeats: 10);
        for (var i = 0; i < 8; i++)
        {
            await AssignAsync(pool.Name, Grantee.ForCustomer($"cus_early{i}"));
        }

        var attempts = Enumerable.Range(0, 32).Select(i => Task.Run(() => CaptureAsync(() =>
            (i % 2 == 0 ? AllocatorA : AllocatorB).ApplyBatchAsync(
                pool.Name,
                [new AssignChange(Grantee.ForEmail($"x{i}@example.com")), new AssignChange(Grantee.ForEmail($"y{i}@example.com"))],
                null, null, Ct))));
        var outcomes = await Task.WhenAll(attempts).Within();

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(SeatErrorKind.BatchChangeFailed, o));
        Assert.Equal(10, await CountAsync("SELECT COUNT(*) FROM seats WHERE status <> 'revoked'"));
        Assert.Equal(0, (await AllocatorA.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
        await AssertGaplessEventsAsync(pool.Name, expected: 11);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task AssignSeat_SameRequestIdConcurrentlyOnBothReplicas_HasOneEffectAndReplaysTheRest()
    {
        var pool = await CreatePoolAsync(totalSeats: 1);
        var key = new IdempotencyKey(Guid.NewGuid().ToString(), "AssignSeat", new byte[] { 7 });

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            (i % 2 == 0 ? AllocatorA : AllocatorB).AssignSeatAsync(pool.Name, Grantee.ForEmail("same@example.com"), null, false, key, EncodeSeatName, Ct)));
        var results = await Task.WhenAll(calls).Within();

        var fresh = Assert.Single(results, r => !r.IsReplayed);
        Assert.All(
            results.Where(r => r.IsReplayed),
            r => Assert.Equal(fresh.Value!.Seat.Name, Encoding.UTF8.GetString(r.StoredResponse.Span)));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM seats"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM idempotency_records"));
        await AssertGaplessEventsAsync(pool.Name, expected: 2);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task AssignSeat_SameRequestIdWithOtherRequestsConcurrently_OneEffectOthersReplayOrRequestIdReused()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        var requestId = Guid.NewGuid().ToString();

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(() => CaptureAsync(() =>
            (i % 2 == 0 ? AllocatorA : AllocatorB).AssignSeatAsync(
                pool.Name, Grantee.ForEmail($"g{i % 4}@example.com"), null, false,
                new IdempotencyKey(requestId, "AssignSeat", new[] { (byte)(i % 4) }), EncodeSeatName, Ct))));
        var outcomes = await Task.WhenAll(calls).Within();

        Assert.All(outcomes, o => Assert.True(o is null or SeatErrorKind.RequestIdReused, $"unexpected {o}"));
        Assert.Equal(4, outcomes.Count(o => o is null));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM seats"));
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task UpsertPool_ConcurrentResizesOnBothReplicas_EveryChangeOfTotalRecordedOnce()
    {
        // The owner changes with every call, so no call is a no-op: each one writes, and decides from what it read whether
        // the total changes. A decision made on a total that a concurrent resize has since changed must not reach the log.
        var pool = await CreatePoolAsync(totalSeats: 3);
        for (var round = 0; round < 12; round++)
        {
            var calls = Enumerable.Range(0, 8).Select(i => Task.Run(() => CaptureAsync(() =>
                (i % 2 == 0 ? AllocatorA : AllocatorB).UpsertPoolAsync(
                    new PoolSettings(pool.Name, TotalSeats: 3 + ((round + i) % 3), CustomerId: $"cus_{round}_{i}"), null, null, Ct))));
            var outcomes = await Task.WhenAll(calls).Within();
            Assert.All(outcomes, o => Assert.True(o is null or SeatErrorKind.Contention, $"unexpected {o}"));

            var events = await AllocatorB.ReadEventsAsync(pool.Name, 0, 1000, Ct).Within();
            var totals = events.Where(e => e.Type == SeatEventType.PoolResized).Select(e => e.TotalSeats).ToList();
            Assert.All(totals.Zip(totals.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.Equal((await AllocatorA.GetPoolAsync(pool.Name, Ct).Within()).TotalSeats, totals[^1]);
        }
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task UpsertPool_WhileAnotherWriterHoldsThePool_AnswersTheEtagItStored()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);

        // Another replica's write to the pool (an assignment bumps its version too), still open while the resize reads the row.
        var answered = (await RunBehindHeldUpdateAsync(
            "UPDATE pools SET version = version + 1 WHERE name = @Name", "Name", pool.Name,
            () => AllocatorA.UpsertPoolAsync(new PoolSettings(pool.Name, 4), null, null, Ct))).Value!;

        Assert.Equal(4, answered.TotalSeats);
        Assert.Equal((await AllocatorB.GetPoolAsync(pool.Name, Ct).Within()).Etag, answered.Etag);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task AssignSeat_ManyCallersWhileThePoolIsHeld_OnlyOnePerReplicaWaitsInPostgres()
    {
        var pool = await CreatePoolAsync(totalSeats: 20);
        var mostWaiting = 0L;

        // Eight callers on each replica; the rest of each replica's callers wait in its process, not on the row lock.
        var assigned = await RunBehindHeldUpdateAsync(
            "UPDATE pools SET version = version + 1 WHERE name = @Name", "Name", pool.Name,
            () => Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                (i % 2 == 0 ? AllocatorA : AllocatorB).AssignSeatAsync(pool.Name, Grantee.ForEmail($"queued{i}@example.com"), null, false, null, null, Ct))),
            whileHeld: async () =>
            {
                for (var look = 0; look < 50; look++)
                {
                    mostWaiting = Math.Max(mostWaiting, await CountLockWaitsAsync());
                    await Task.Delay(10, Ct);
                }
            });

        Assert.Equal(2, mostWaiting);
        Assert.Equal(16, assigned.Select(a => a.Value!.Seat.Name).Distinct().Count());
        Assert.Equal(4, (await AllocatorA.GetPoolAsync(pool.Name, Ct).Within()).AvailableSeats);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task RevokeApiKey_RevokedMeanwhileByAnotherWriter_AnswersTheRevocationThatStands()
    {
        var keys = await ApiKeyDirectory.CreateAsync(Database, Time, Ct).Within();
        var created = await keys.CreateKeyAsync("acme", ["seats:read"], null, null, Ct).Within();

        // Another replica revokes the key first; its transaction is still open while this revocation reads the key.
        var answered = await RunBehindHeldUpdateAsync(
            "UPDATE api_keys SET revoke_time = 1000000 WHERE key_id = @KeyId", "KeyId", created.Key.KeyId,
            () => keys.RevokeAsync("acme", created.Key.KeyId, Ct));

        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1), answered.RevokeTime);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task RevokeSeat_ConcurrentlyOnBothReplicas_FreesTheSeatOnce()
    {
        var pool = await CreatePoolAsync(totalSeats: 3);
        var seats = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            seats.Add((await AssignAsync(pool.Name, Grantee.ForEmail($"r{i}@example.com"))).Seat.Name);
        }

        var calls = seats.SelectMany(name => Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? AllocatorA : AllocatorB).RevokeSeatAsync(name, null, null, null, Ct))));
        var results = await Task.WhenAll(calls).Within();

        Assert.All(results, r => Assert.Equal(SeatStatus.Revoked, r.Value!.Status));
        var stored = await AllocatorA.GetPoolAsync(pool.Name, Ct).Within();
        Assert.Equal((0, 3), (stored.OccupiedSeats, stored.AvailableSeats));
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM seat_events WHERE type = 'revoked'"));
        await AssertGaplessEventsAsync(pool.Name, expected: 7);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task WatchAsync_OnReplicaB_ReceivesEventsCommittedOnReplicaA()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        using var stop = new CancellationTokenSource(Bounded.Limit);
        var seen = new List<SeatEvent>();
        var watching = Task.Run(async () =>
        {
            await foreach (var seatEvent in AllocatorB.WatchAsync(pool.Name, 1, stop.Token))
            {
                seen.Add(seatEvent);
                if (seen.Count == 3)
                {
                    return;
                }
            }
        });

        for (var i = 0; i < 3; i++)
        {
            await AllocatorA.AssignSeatAsync(pool.Name, Grantee.ForEmail($"w{i}@example.com"), null, false, null, null, Ct).Within();
            await Task.Delay(50, Ct);
        }

        await watching.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([2L, 3L, 4L], seen.Select(e => e.Sequence));
        Assert.All(seen, e => Assert.Equal(SeatEventType.Assigned, e.Type));
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task WatchAsync_ListeningConnectionDropped_ReconnectsAndDeliversLaterEvents()
    {
        var pool = await CreatePoolAsync(totalSeats: 5);
        using var stop = new CancellationTokenSource(Bounded.Limit);
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<long>();
        var watching = Task.Run(async () =>
        {
            await foreach (var seatEvent in AllocatorB.WatchAsync(pool.Name, 1, stop.Token))
            {
                seen.Add(seatEvent.Sequence);
                firstSeen.TrySetResult();
                if (seen.Count == 3)
                {
                    return;
                }
            }
        });
        await AllocatorA.AssignSeatAsync(pool.Name, Grantee.ForEmail("before@example.com"), null, false, null, null, Ct).Within();
        await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var oldListener = _notifierB.ListenerProcessId;

        await TerminateBackendAsync(oldListener);
        // Committed while B's listener is down or reconnecting: the catch-up read after reconnection must deliver it.
        await AllocatorA.AssignSeatAsync(pool.Name, Grantee.ForEmail("during@example.com"), null, false, null, null, Ct).Within();
        await WaitForNewListenerAsync(oldListener);
        await AllocatorA.AssignSeatAsync(pool.Name, Grantee.ForEmail("after@example.com"), null, false, null, null, Ct).Within();

        await watching.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([2L, 3L, 4L], seen);
        Assert.NotEqual(oldListener, _notifierB.ListenerProcessId);
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task Open_FourReplicasMigratingAnEmptyDatabaseAtOnce_AllSucceedAndMigrateOnce()
    {
        using var fresh = new PostgresStorageProvider();
        var opens = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            SeatDatabase.OpenPostgresAsync(new PostgresStorageOptions(fresh.ConnectionStringForReplica(i)), null, Ct)));

        var databases = await Task.WhenAll(opens).Within();

        try
        {
            await using var session = await databases[3].OpenReadAsync(Ct).Within();
            var applied = await Dapper.SqlMapper.ExecuteScalarAsync<long>(session.Connection, "SELECT COUNT(*) FROM schema_migrations").Within();
            Assert.Equal(SchemaVersions.Latest, applied);
            Assert.All(await Task.WhenAll(databases.Select(d => d.CheckAsync(Ct))).Within(), Assert.True);
        }
        finally
        {
            foreach (var database in databases)
            {
                database.Dispose();
            }
        }
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task CheckAsync_ServerReachable_ReturnsTrueOnBothReplicas()
    {
        var a = await Database.CheckAsync(Ct).Within();
        var b = await _databaseB.CheckAsync(Ct).Within();

        Assert.True(a && b);
        Assert.Equal(StorageEngine.Postgres, _databaseB.Engine);
    }

    private static async Task<SeatErrorKind?> CaptureAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await call().Within();
            return null;
        }
        catch (SeatDomainException ex)
        {
            return ex.Kind;
        }
    }

    private async Task AssertGaplessEventsAsync(string parent, int expected)
    {
        var events = await AllocatorB.ReadEventsAsync(parent, 0, 1000, Ct).Within();
        Assert.Equal(Enumerable.Range(1, expected).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    /// <summary>
    /// Runs <paramref name="call"/> while another connection holds an uncommitted UPDATE of one row (<paramref name="sql"/>
    /// with one parameter): the call reads the row as last committed, waits on the row lock when it writes, and goes on once
    /// the other transaction commits. Once the call waits for the lock, <paramref name="whileHeld"/> runs before that commit.
    /// </summary>
    private async Task<T> RunBehindHeldUpdateAsync<T>(string sql, string parameter, object value, Func<Task<T>> call, Func<Task>? whileHeld = null)
    {
        await using var other = new NpgsqlConnection(Provider.ConnectionString);
        await other.OpenAsync(Ct).Within();
        await using var transaction = await other.BeginTransactionAsync(Ct).AsTask().Within();
        await using (var update = new NpgsqlCommand(sql, other, transaction))
        {
            update.Parameters.AddWithValue(parameter, value);
            Assert.Equal(1, await update.ExecuteNonQueryAsync(Ct).Within());
        }

        var running = Task.Run(call);
        await WaitForLockWaitAsync();
        if (whileHeld is not null)
        {
            await whileHeld();
        }

        await transaction.CommitAsync(Ct).Within();
        return await running.Within();
    }

    /// <summary>Until a session of the test's database waits for a row lock.</summary>
    private async Task WaitForLockWaitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await CountLockWaitsAsync() == 0)
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>The sessions of the test's database that wait for a lock now.</summary>
    private async Task<long> CountLockWaitsAsync()
    {
        await using var connection = new NpgsqlConnection(Provider.ConnectionString);
        await connection.OpenAsync(Ct).Within();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync(Ct).Within())!;
    }

    private async Task TerminateBackendAsync(int processId)
    {
        Assert.NotEqual(0, processId);
        await using var connection = new NpgsqlConnection(PostgresTestServer.Instance.AdminConnectionString);
        await connection.OpenAsync(Ct).Within();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@Pid)", connection);
        command.Parameters.AddWithValue("Pid", processId);
        Assert.Equal(true, await command.ExecuteScalarAsync(Ct).Within());
    }

    private async Task WaitForNewListenerAsync(int oldProcessId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_notifierB.ListenerProcessId == oldProcessId || _notifierB.ListenerProcessId == 0)
        {
            await Task.Delay(20, deadline.Token);
        }

        await _notifierB.WaitUntilListeningAsync(deadline.Token);
    }
}
