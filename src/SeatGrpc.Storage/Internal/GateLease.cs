namespace SeatGrpc.Storage.Internal;

/// <summary>Releases a held <see cref="SemaphoreSlim"/> once, however often it is disposed, then calls <paramref name="released"/>.</summary>
internal sealed class GateLease(SemaphoreSlim gate, Action? released = null) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release();
            released?.Invoke();
        }
    }
}
