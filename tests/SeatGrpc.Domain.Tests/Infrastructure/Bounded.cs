namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>Every await in the tests is bounded, so a hang fails the test instead of the run.</summary>
public static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Within(this Task task) => task.WaitAsync(Limit);
}
