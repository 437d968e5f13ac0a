using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Internal;

/// <summary>A <see cref="PendingWrite"/> with a result of type <typeparamref name="T"/>.</summary>
internal sealed class PendingWrite<T> : PendingWrite
    where T : class
{
    private readonly Func<StorageSession, CancellationToken, Task<(IdempotentResult<T> Result, WriteContext? Context)>> _apply;
    private readonly TaskCompletionSource<IdempotentResult<T>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IdempotentResult<T>? _result;
    private WriteContext? _context;
    private Exception? _error;

    public PendingWrite(
        Func<StorageSession, CancellationToken, Task<(IdempotentResult<T> Result, WriteContext? Context)>> apply, CancellationToken cancellationToken)
    {
        _apply = apply;
        CancellationToken = cancellationToken;
    }

    public override CancellationToken CancellationToken { get; }

    /// <summary>Completes after the group's commit (or its failure).</summary>
    public Task<IdempotentResult<T>> Answer => _answer.Task;

    public override async Task ExecuteAsync(StorageSession session)
    {
        CancellationToken.ThrowIfCancellationRequested();
        (_result, _context) = await _apply(session, CancellationToken).ConfigureAwait(false);
    }

    public override void Reject(Exception error)
    {
        _error = error;
        _result = null;
        _context = null;
    }

    public override void Publish(ISeatEventNotifier notifier)
    {
        if (_error is not null)
        {
            _answer.TrySetException(_error);
            return;
        }

        _context?.Announce(notifier);
        _answer.TrySetResult(_result!);
    }

    public override void Abandon(Exception error) => _answer.TrySetException(error);
}
