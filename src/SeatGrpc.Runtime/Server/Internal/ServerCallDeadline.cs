namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// A call's <c>grpc-timeout</c>: a timer that, when it fires, cancels the handler's token and has the call
/// answer DEADLINE_EXCEEDED at once. Exists only for calls that carry a timeout, so others pay nothing.
/// </summary>
internal sealed class ServerCallDeadline : IAsyncDisposable
{
    // Timer cannot wait longer; a deadline further away than ~49 days is treated as never reached.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly HttpServerCallContext _call;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly CancellationTokenRegistration _abortRegistration;
    private readonly Timer? _timer;
    private Task? _expiry;
    private volatile bool _expired;

    public ServerCallDeadline(HttpServerCallContext call, TimeSpan timeout, CancellationToken requestAborted)
    {
        _call = call;
        _abortRegistration = requestAborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _cancellation);
        if (timeout <= MaxTimerDelay)
        {
            _timer = new Timer(static state => ((ServerCallDeadline)state!).OnTimer(), this, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Gets the token handed to the handler: canceled by the deadline or by the client.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Gets whether the deadline has passed.</summary>
    public bool IsExpired => _expired;

    /// <summary>Gets a lock that orders response writes against the deadline's own response.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            // Waits for a callback in progress, so _expiry is settled when it returns.
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        if (_expiry is not null)
        {
            await _expiry.ConfigureAwait(false);
        }

        await _abortRegistration.DisposeAsync().ConfigureAwait(false);
        _cancellation.Dispose();
        WriteLock.Dispose();
    }

    private void OnTimer()
    {
        _expired = true;
        _expiry = Task.Run(ExpireAsync);
    }

    private async Task ExpireAsync()
    {
        try
        {
            await _cancellation.CancelAsync().ConfigureAwait(false);
        }
        catch (AggregateException)
        {
            // A throwing registration of the handler's must not stop the deadline response.
        }

        await _call.DeadlineExceededAsync().ConfigureAwait(false);
    }
}
