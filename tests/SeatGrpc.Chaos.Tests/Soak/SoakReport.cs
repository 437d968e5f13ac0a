namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>What a soak measured.</summary>
internal sealed record SoakReport(
    SoakOptions Options,
    IReadOnlyList<ProcessSample> Samples,
    SoakRecorder Recorder,
    TimeSpan Elapsed,
    IReadOnlyList<string> ServerErrors)
{
    /// <summary>Gets the samples after the warm-up, which the slopes and the growth checks use.</summary>
    public IReadOnlyList<ProcessSample> Steady => [.. Samples.Where(s => s.At >= Options.WarmUp)];

    /// <summary>The least-squares slope of a measure over the steady samples, per minute.</summary>
    public double SlopePerMinute(Func<ProcessSample, double> measure)
    {
        var points = Steady;
        if (points.Count < 2)
        {
            return double.NaN;
        }

        var meanX = points.Average(p => p.At.TotalMinutes);
        var meanY = points.Average(measure);
        var covariance = points.Sum(p => (p.At.TotalMinutes - meanX) * (measure(p) - meanY));
        var variance = points.Sum(p => Math.Pow(p.At.TotalMinutes - meanX, 2));
        return variance == 0 ? double.NaN : covariance / variance;
    }

    /// <summary>Gets the server's CPU time per call, in microseconds, over the whole run.</summary>
    public double CpuMicrosPerCall =>
        Samples.Count < 2 || Recorder.Attempts == 0 ? double.NaN : (Samples[^1].CpuSeconds - Samples[0].CpuSeconds) * 1e6 / Recorder.Attempts;
}
