namespace SeatGrpc.Bench;

/// <summary>Percentiles of one run, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P99, double P999, long MaxMicros)
{
    public override string ToString() =>
        FormattableString.Invariant($"p50={P50:F3}ms p99={P99:F3}ms p999={P999:F3}ms max={MaxMicros / 1000.0:F3}ms");
}
