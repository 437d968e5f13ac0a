using System.Collections.Concurrent;
using Grpc.Core;

namespace SeatGrpc.Bench;

/// <summary>Counts failed calls by status code and keeps the first message of each, to report what went wrong.</summary>
internal sealed class ErrorCounter
{
    private readonly ConcurrentDictionary<StatusCode, (long Count, string First)> _byCode = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add(RpcException exception)
    {
        Interlocked.Increment(ref _count);
        _byCode.AddOrUpdate(exception.StatusCode, _ => (1, exception.Status.Detail), (_, old) => (old.Count + 1, old.First));
    }

    /// <summary>Stops the run with the cause when calls fail and none succeeds (a wrong pool, a server gone away).</summary>
    public void ThrowIfOnlyErrors(long successes)
    {
        if (successes == 0 && Count > 0)
        {
            var (code, (count, first)) = _byCode.MaxBy(p => p.Value.Count);
            throw new BenchUsageException($"Every call failed: {count:N0} x {code}: {first}");
        }
    }

    public void Report()
    {
        foreach (var (code, (count, first)) in _byCode)
        {
            Console.Error.WriteLine($"  {count:N0} calls failed with {code}: {first}");
        }
    }
}
