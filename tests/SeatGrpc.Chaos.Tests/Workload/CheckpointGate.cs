namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>
/// Lets the clients run their calls, or holds new calls back until every call in flight (with its retries) is over,
/// so a checkpoint reads a state that no call is changing.
/// </summary>
internal sealed class CheckpointGate
{
    private readonly object _lock = new();
    private int _active;
    private TaskCompletionSource _open = NewOpen();
    private TaskCompletionSource? _drained;

    /// <summary>Waits until calls may start, and counts one in.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task open;
            lock (_lock)
            {
                if (_drained is null)
                {
                    _active++;
                    return;
                }

                open = _open.Task;
            }

            await open.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _active--;
            if (_active == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Holds new calls and waits for those in flight to end.</summary>
    public Task PauseAsync()
    {
        lock (_lock)
        {
            _open = NewOpen();
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_active == 0)
            {
                _drained.TrySetResult();
            }

            return _drained.Task;
        }
    }

    public void Resume()
    {
        lock (_lock)
        {
            _drained = null;
            _open.TrySetResult();
        }
    }

    private static TaskCompletionSource NewOpen() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
