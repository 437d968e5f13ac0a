using Microsoft.Extensions.Logging;
using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Runs one mutation in one write transaction: replays a known request id, reserves a new one and stores the
/// encoded result in the same transaction, purges expired records now and then, announces the new events
/// (NOTIFY inside the transaction on PostgreSQL, the in-process notifier after the commit), and runs the
/// transaction again, a bounded number of times, when the engine aborted it (deadlock, serialization failure)
/// or a conditional update found that a concurrent writer got there first. On an engine that serializes its writers
/// (SQLite) the transaction is shared: <see cref="GroupCommitter"/> runs the queued operations in one transaction, each
/// under its own savepoint, and answers them after the one COMMIT. Elsewhere (PostgreSQL) the writes of one pool take
/// turns in this process (<see cref="PoolWriteGate"/>) instead of all queueing on the pool's row lock.
/// </summary>
internal sealed class WriteRunner
{
    private const int PurgeBatchSize = 1000;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private readonly SeatDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISeatEventNotifier _notifier;
    private readonly TimeSpan _retention;
    private readonly ILogger _logger;
    private readonly GroupCommitter? _groups;
    private readonly PoolWriteGate? _poolGate;
    private long _nextPurge;

    public WriteRunner(SeatDatabase database, TimeProvider time, ISeatEventNotifier notifier, TimeSpan retention, ILogger logger)
    {
        _database = database;
        _time = time;
        _notifier = notifier;
        _retention = retention;
        _logger = logger;

        // Where all writes are serialized in this process anyway (SQLite), queued writes share one transaction each turn.
        _groups = database.SerializesWriters
            ? new GroupCommitter(database, notifier, (session, ct) => PurgeIfDueAsync(session, UnixMicros.From(_time.GetUtcNow()), ct))
            : null;
        _poolGate = database.SerializesWriters ? null : new PoolWriteGate();
    }

    /// <summary>The group committer, where the engine serializes writers; null elsewhere.</summary>
    internal GroupCommitter? Groups => _groups;

    /// <summary>
    /// <see cref="RunAsync"/> for a write to the pool named <paramref name="pool"/>, which, where writers are not
    /// serialized already, waits its pool's turn in this process (<see cref="PoolWriteGate"/>).
    /// </summary>
    public async Task<IdempotentResult<T>> RunInPoolAsync<T>(
        Caller caller,
        string pool,
        IdempotencyKey? key,
        Func<T, byte[]>? encodeResult,
        Func<WriteContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        using var turn = _poolGate is null ? null : await _poolGate.EnterAsync(caller.Tenant, pool, cancellationToken).ConfigureAwait(false);
        return await RunAsync(caller, key, encodeResult, work, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IdempotentResult<T>> RunAsync<T>(
        Caller caller,
        IdempotencyKey? key,
        Func<T, byte[]>? encodeResult,
        Func<WriteContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        if (key is not null && encodeResult is null)
        {
            throw new ArgumentNullException(nameof(encodeResult), "An idempotency key needs a result encoder.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(caller, key, encodeResult, work, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRetryable(ex) && attempt <= _database.MaxTransientRetries)
            {
                // The whole transaction was rolled back; running it again re-reads everything it decided on.
                DomainLog.WriteRetried(_logger, attempt, ex);
                SeatMetrics.ContentionRetried();
                await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRetryable(ex))
            {
                DomainLog.WriteAbandoned(_logger, attempt, ex);
                SeatMetrics.ContentionGaveUp();
                throw SeatDomainException.ForContention(ex);
            }
        }
    }

    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * (1 << Math.Min(attempt, 5))));

    private async Task<IdempotentResult<T>> RunOnceAsync<T>(
        Caller caller,
        IdempotencyKey? key,
        Func<T, byte[]>? encodeResult,
        Func<WriteContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        if (_groups is not null)
        {
            return await _groups.RunAsync<T>((session, ct) => ApplyAsync(session, caller, key, encodeResult, work, ct), cancellationToken).ConfigureAwait(false);
        }

        IdempotentResult<T> result;
        WriteContext? context;
        await using (var session = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            (result, context) = await ApplyAsync(session, caller, key, encodeResult, work, cancellationToken).ConfigureAwait(false);
            if (context is null)
            {
                return result;
            }

            await PurgeIfDueAsync(session, context.Now, cancellationToken).ConfigureAwait(false);
            foreach (var (poolKey, sequence) in context.LatestSequences())
            {
                await _database.NotifyEventsAsync(session, poolKey, sequence, cancellationToken).ConfigureAwait(false);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        context.Announce(_notifier);
        return result;
    }

    /// <summary>
    /// The operation inside an open write transaction: replays a known request id (no context: nothing was written), or
    /// reserves it, runs the work and stores the encoded result. The caller commits.
    /// </summary>
    private async Task<(IdempotentResult<T> Result, WriteContext? Context)> ApplyAsync<T>(
        StorageSession session,
        Caller caller,
        IdempotencyKey? key,
        Func<T, byte[]>? encodeResult,
        Func<WriteContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        var now = UnixMicros.From(_time.GetUtcNow());
        if (key is not null)
        {
            // Reserved before the work, with no read first (a known id is rare; the reservation finds it): a concurrent
            // request with this id (another replica) waits here for our commit and replays, rather than failing on the
            // grantee or the last seat that we just took.
            var reservation = new IdempotencyRow
            {
                Tenant = caller.Tenant,
                RequestId = key.RequestId,
                Operation = key.Operation,
                Fingerprint = key.Fingerprint.ToArray(),
                Response = [],
                CreateTime = now,
            };
            if (!await _database.Idempotency.TryReserveAsync(session, reservation, cancellationToken).ConfigureAwait(false))
            {
                // A known id, or (READ COMMITTED) the record another transaction has just committed.
                var stored = await _database.Idempotency.FindAsync(session, caller.Tenant, key.RequestId, cancellationToken).ConfigureAwait(false);
                return stored is not null
                    ? (Replay<T>(stored, key), null)
                    : throw new WriteConflictException("A request id was reserved and released concurrently.");
            }
        }

        var context = new WriteContext(_database, session, now, caller, key?.RequestId);
        var result = await work(context, cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            await _database.Idempotency.CompleteAsync(session, caller.Tenant, key.RequestId, encodeResult!(result), cancellationToken).ConfigureAwait(false);
        }

        return (IdempotentResult<T>.Fresh(result), context);
    }

    private bool IsRetryable(Exception exception) =>
        exception is WriteConflictException || _database.IsTransientFailure(exception);

    private IdempotentResult<T> Replay<T>(IdempotencyRow stored, IdempotencyKey key)
        where T : class
    {
        if (!string.Equals(stored.Operation, key.Operation, StringComparison.Ordinal)
            || !key.Fingerprint.Span.SequenceEqual(stored.Fingerprint))
        {
            throw new SeatDomainException(
                SeatErrorKind.RequestIdReused, "The request id was already used for a different request.");
        }

        DomainLog.RequestReplayed(_logger, key.RequestId, key.Operation);
        return IdempotentResult<T>.Replayed(stored.Response);
    }

    private async Task PurgeIfDueAsync(StorageSession session, long now, CancellationToken cancellationToken)
    {
        var next = Interlocked.Read(ref _nextPurge);
        if (now < next || Interlocked.CompareExchange(ref _nextPurge, now + (long)PurgeInterval.TotalMicroseconds, next) != next)
        {
            return;
        }

        var cutoff = now - (long)_retention.TotalMicroseconds;
        var purged = await _database.Idempotency.PurgeAsync(session, cutoff, PurgeBatchSize, cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            DomainLog.IdempotencyRecordsPurged(_logger, purged);
        }
    }
}
