namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>The attempts of one stretch of a soak: latencies per operation, outcomes per kind.</summary>
internal sealed class LatencyWindow
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);

    public void Add(string operation, double milliseconds)
    {
        lock (_gate)
        {
            if (!_latencies.TryGetValue(operation, out var list))
            {
                _latencies[operation] = list = [];
            }

            list.Add(milliseconds);
        }
    }

    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_gate)
            {
                return [.. _latencies.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The <paramref name="percentile"/>th latency in ms of an operation (null: of all), or NaN when none.</summary>
    public double Percentile(string? operation, double percentile)
    {
        List<double> values;
        lock (_gate)
        {
            values = operation is null ? [.. _latencies.Values.SelectMany(v => v)] : [.. _latencies.GetValueOrDefault(operation) ?? []];
        }

        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var rank = (int)Math.Ceiling(percentile / 100 * values.Count) - 1;
        return values[Math.Clamp(rank, 0, values.Count - 1)];
    }

    public int Count(string? operation = null)
    {
        lock (_gate)
        {
            return operation is null ? _latencies.Values.Sum(v => v.Count) : _latencies.GetValueOrDefault(operation)?.Count ?? 0;
        }
    }
}
