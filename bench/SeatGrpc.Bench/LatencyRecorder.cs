using System.Diagnostics;

namespace SeatGrpc.Bench;

/// <summary>
/// Call latencies in microseconds, one array per worker (no locks on the hot path), merged and sorted at the end.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly List<long>[] _perWorker;

    public LatencyRecorder(int workers)
    {
        _perWorker = new List<long>[workers];
        for (var i = 0; i < workers; i++)
        {
            _perWorker[i] = new List<long>(1 << 16);
        }
    }

    public static long Micros(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) * 1_000_000 / Stopwatch.Frequency;

    public void Record(int worker, long micros) => _perWorker[worker].Add(micros);

    public void Clear()
    {
        foreach (var list in _perWorker)
        {
            list.Clear();
        }
    }

    public LatencySummary Summarize()
    {
        var all = new long[_perWorker.Sum(l => l.Count)];
        var at = 0;
        foreach (var list in _perWorker)
        {
            list.CopyTo(all, at);
            at += list.Count;
        }

        Array.Sort(all);
        return new LatencySummary(all.Length, Percentile(all, 0.50), Percentile(all, 0.99), Percentile(all, 0.999), all.Length == 0 ? 0 : all[^1]);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] / 1000.0;
}
