using System.Diagnostics;
using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// A <see cref="PendingWrite"/> with a result of type <typeparamref name="T"/>. When traced, its span (a child of the
/// caller's, although the work runs on the committer's loop) covers its part of the group and the wait for the COMMIT.
/// </summary>
internal sealed class PendingWrite<T> : PendingWrite
    where T : class
{
    private readonly Func<StorageSession, CancellationToken, Task<(IdempotentResult<T> Result, WriteContext? Context)>> _apply;
    private readonly TaskCompletionSource<IdempotentResult<T>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IdempotentResult<T>? _result;
    private WriteContext? _context;
    private Exception? _error;
    private ActivityContext? _caller;
    private Activity? _span;
    private int _statements;

    public PendingWrite(
        Func<StorageSession, CancellationToken, Task<(IdempotentResult<T> Result, WriteContext? Context)>> apply, CancellationToken cancellationToken)
    {
        _apply = apply;
        CancellationToken = cancellationToken;
        _caller = StorageSpans.IsEnabled ? Activity.Current?.Context : null;
    }

    public override CancellationToken CancellationToken { get; }

    /// <summary>Completes after the group's commit (or its failure).</summary>
    public Task<IdempotentResult<T>> Answer => _answer.Task;

    public override async Task ExecuteAsync(StorageSession session, int groupSize)
    {
        CancellationToken.ThrowIfCancellationRequested();
        _span = _caller is { } caller ? StorageSpans.StartGroupWrite(session, caller, groupSize) : null;
        var before = session.Statements;
        try
        {
            (_result, _context) = await _apply(session, CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _statements = session.Statements - before;
        }
    }

    public override void Reject(Exception error)
    {
        _error = error;
        _result = null;
        _context = null;
    }

    public override void Publish(ISeatEventNotifier notifier)
    {
        StorageSpans.Stop(_span, _statements);
        if (_error is not null)
        {
            _answer.TrySetException(_error);
            return;
        }

        _context?.Announce(notifier);
        _answer.TrySetResult(_result!);
    }

    public override void Abandon(Exception error)
    {
        _span?.SetStatus(ActivityStatusCode.Error, "The group did not commit.");
        StorageSpans.Stop(_span, _statements);
        _answer.TrySetException(error);
    }
}
