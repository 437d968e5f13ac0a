namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Releases instances the runtime created for one call.</summary>
internal static class InstanceDisposal
{
    /// <summary>Disposes an instance if it is disposable, preferring asynchronous disposal.</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>A task that completes when it is disposed.</returns>
    public static ValueTask DisposeAsync(object instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (instance as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
