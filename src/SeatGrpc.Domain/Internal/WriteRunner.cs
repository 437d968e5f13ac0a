using Microsoft.Extensions.Logging;
using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Runs one mutation in one write transaction: replays a known request id, records a new one with the
/// encoded result in the same transaction, purges expired records now and then, and announces the new
/// events after the commit.
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
    private long _nextPurge;

    public WriteRunner(SeatDatabase database, TimeProvider time, ISeatEventNotifier notifier, TimeSpan retention, ILogger logger)
    {
        _database = database;
        _time = time;
        _notifier = notifier;
        _retention = retention;
        _logger = logger;
    }

    public async Task<IdempotentResult<T>> RunAsync<T>(
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

        WriteContext context;
        T result;
        await using (var session = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = UnixMicros.From(_time.GetUtcNow());
            if (key is not null)
            {
                var stored = await _database.Idempotency.FindAsync(session, key.RequestId, cancellationToken).ConfigureAwait(false);
                if (stored is not null)
                {
                    return Replay<T>(stored, key);
                }
            }

            context = new WriteContext(_database, session, now, key?.RequestId);
            result = await work(context, cancellationToken).ConfigureAwait(false);
            if (key is not null)
            {
                var record = new IdempotencyRow
                {
                    RequestId = key.RequestId,
                    Operation = key.Operation,
                    Fingerprint = key.Fingerprint.ToArray(),
                    Response = encodeResult!(result),
                    CreateTime = now,
                };
                await _database.Idempotency.InsertAsync(session, record, cancellationToken).ConfigureAwait(false);
            }

            await PurgeIfDueAsync(session, now, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        context.Announce(_notifier);
        return IdempotentResult<T>.Fresh(result);
    }

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
