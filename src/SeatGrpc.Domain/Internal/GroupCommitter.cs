using System.Threading.Channels;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Group commit for an engine whose writes are serialized in this process (SQLite). Writers queue their operation; one
/// drain loop takes everything queued (up to <see cref="MaxGroup"/>), opens ONE write transaction, runs each operation
/// under its own SAVEPOINT (a failing one is rolled back alone, the others go on), commits once, and only then answers
/// every caller. While a group commits, the next one gathers, so under load many operations share a BEGIN and a COMMIT
/// instead of queueing for the writer one transaction each. If the commit fails, every caller of the group gets that failure
/// and nothing of it was applied.
/// </summary>
internal sealed class GroupCommitter
{
    public const int MaxGroup = 64;
    private const string Savepoint = "pending_write";

    private readonly SeatDatabase _database;
    private readonly ISeatEventNotifier _notifier;
    private readonly Func<StorageSession, CancellationToken, Task> _beforeCommit;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<PendingWrite> _group = new(MaxGroup);
    private int _started;

    public GroupCommitter(SeatDatabase database, ISeatEventNotifier notifier, Func<StorageSession, CancellationToken, Task> beforeCommit)
    {
        _database = database;
        _notifier = notifier;
        _beforeCommit = beforeCommit;
    }

    /// <summary>How many groups have committed (for tests).</summary>
    internal long GroupsCommitted { get; private set; }

    /// <summary>Queues the operation; the task completes once the group holding it has committed.</summary>
    public Task<IdempotentResult<T>> RunAsync<T>(
        Func<StorageSession, CancellationToken, Task<(IdempotentResult<T> Result, WriteContext? Context)>> apply, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<T>(apply, cancellationToken);
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            // The loop serves every caller, so it must not inherit this first caller's context (its trace, its log
            // scopes); each operation's span is parented to its own caller by PendingWrite.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }

        _queue.Writer.TryWrite(write);
        return write.Answer;
    }

    private async Task DrainAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_group.Count < MaxGroup && _queue.Reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Abandon(new OperationCanceledException(write.CancellationToken));
                }
                else
                {
                    _group.Add(write);
                }
            }

            if (_group.Count > 0)
            {
                await CommitGroupAsync(_group).ConfigureAwait(false);
                _group.Clear();
            }
        }
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        try
        {
            await using var session = await _database.BeginWriteAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var write in group)
            {
                await session.SaveAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await write.ExecuteAsync(session, group.Count).ConfigureAwait(false);
                    await session.ReleaseAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // Only this operation's changes are undone; a failure of the rollback itself abandons the group below.
                    await session.RollbackToAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                    write.Reject(ex);
                }
            }

            await _beforeCommit(session, CancellationToken.None).ConfigureAwait(false);
            await session.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            GroupsCommitted++;
            SeatMetrics.GroupCommitted(group.Count);
        }
        catch (Exception ex)
        {
            foreach (var write in group)
            {
                write.Abandon(ex);
            }

            return;
        }

        foreach (var write in group)
        {
            write.Publish(_notifier);
        }
    }
}
