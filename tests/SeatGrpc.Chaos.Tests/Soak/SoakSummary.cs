using System.Globalization;
using System.Text;

namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>The soak's closing summary: load and outcomes, the server's resources and their slopes, latency first vs last.</summary>
internal static class SoakSummary
{
    public static string Format(SoakReport report)
    {
        var o = report.Options;
        var r = report.Recorder;
        var text = new StringBuilder();
        Line(text, $"soak: {report.Elapsed.TotalSeconds:0} s, {o.Clients} clients, target {o.Rate:0} calls/s, SQLite, seed {o.Seed}");
        Line(text, $"attempts: {r.Attempts} ({r.Attempts / report.Elapsed.TotalSeconds:0.0}/s); server CPU {report.CpuMicrosPerCall:0} us per call");
        foreach (var (outcome, count) in r.Outcomes.OrderByDescending(p => p.Value))
        {
            Line(text, $"  {outcome,-40} {count,9} {100.0 * count / Math.Max(1, r.Attempts),6:0.0}%");
        }

        Line(text, $"unexpected errors (in doubt or broken): {r.ErrorCount}; server Error log lines: {report.ServerErrors.Count}");
        Line(text, string.Empty);
        Line(text, $"| server (after {o.WarmUp.TotalSeconds:0} s warm-up) | first | last | max | slope per minute |");
        Line(text, "| --- | --- | --- | --- | --- |");
        Resource(text, report, "RSS (MB)", s => s.RssMegabytes, "0.0");
        Resource(text, report, "threads", s => s.Threads, "0");
        Resource(text, report, "open fds", s => s.OpenFiles, "0");
        Line(text, string.Empty);
        var window = o.Window.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        Line(text, $"| latency (ms) | calls first {window} s | p50 | p90 | p99 | max | calls last {window} s | p50 | p90 | p99 | max |");
        Line(text, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Latency(text, "all", null, r);
        foreach (var operation in r.First.Operations.Union(r.Last.Operations).Order(StringComparer.Ordinal))
        {
            Latency(text, operation, operation, r);
        }

        return text.ToString();
    }

    private static void Resource(StringBuilder text, SoakReport report, string name, Func<ProcessSample, double> measure, string format)
    {
        var steady = report.Steady;
        if (steady.Count == 0)
        {
            return;
        }

        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        Line(text, $"| {name} | {F(measure(steady[0]))} | {F(measure(steady[^1]))} | {F(steady.Max(measure))} | {report.SlopePerMinute(measure).ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} |");
    }

    private static void Latency(StringBuilder text, string name, string? operation, SoakRecorder r)
    {
        string Window(LatencyWindow w) =>
            $"{w.Count(operation)} | {P(w, 50)} | {P(w, 90)} | {P(w, 99)} | {P(w, 100)}";
        string P(LatencyWindow w, double p) => w.Percentile(operation, p).ToString("0.0", CultureInfo.InvariantCulture);
        Line(text, $"| {name} | {Window(r.First)} | {Window(r.Last)} |");
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
