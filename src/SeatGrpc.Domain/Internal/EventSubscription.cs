namespace SeatGrpc.Domain.Internal;

/// <summary>Remembers the highest sequence published for one pool and wakes one waiting reader.</summary>
internal sealed class EventSubscription : ISeatEventSubscription
{
    private readonly InProcessSeatEventNotifier _owner;
    private readonly Lock _lock = new();
    private long _latest;
    private TaskCompletionSource? _waiter;
    private bool _disposed;

    public EventSubscription(InProcessSeatEventNotifier owner, string poolKey)
    {
        _owner = owner;
        PoolKey = poolKey;
    }

    public string PoolKey { get; }

    public void Signal(long sequence)
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            if (sequence <= _latest)
            {
                return;
            }

            _latest = sequence;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    public async ValueTask WaitForSequenceAfterAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_latest > sequence)
                {
                    return;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _owner.Remove(this);
    }
}
