namespace SeatGrpc.Testing;

/// <summary>Bounds a test's awaits, so a hang fails the test instead of stalling CI.</summary>
public static class TaskTimeoutExtensions
{
    /// <summary>The bound used when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Waits for a task at most <paramref name="timeout"/> (default 15 s).</summary>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The bound.</param>
    /// <returns>The task's outcome; a <see cref="TimeoutException"/> past the bound.</returns>
    public static Task WithTimeout(this Task task, TimeSpan? timeout = null) =>
        task.WaitAsync(timeout ?? DefaultTimeout);

    /// <summary>Waits for a task at most <paramref name="timeout"/> (default 15 s).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The bound.</param>
    /// <returns>The task's result; a <see cref="TimeoutException"/> past the bound.</returns>
    public static Task<T> WithTimeout<T>(this Task<T> task, TimeSpan? timeout = null) =>
        task.WaitAsync(timeout ?? DefaultTimeout);
}
