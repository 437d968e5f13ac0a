using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>Summaries and failure messages of a run: counts per outcome, the seed, the first violations, the server's errors.</summary>
internal static class RunReport
{
    private const int MaxListed = 25;

    public static string Counts(History history)
    {
        var calls = history.Calls;
        var attempts = calls.SelectMany(c => c.Attempts).ToList();
        string Count<T>() => attempts.Count(a => a.Outcome is T).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var byKind = string.Join(", ", calls.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        var resolved = calls.Count(c => c.Attempts.Any(a => a.Outcome is InDoubt) && c.Final is not InDoubt);
        return $"{calls.Count} calls ({byKind}); {attempts.Count} attempts: {Count<Ok>()} ok, {Count<Rejected>()} refused, " +
               $"{Count<InDoubt>()} in doubt, {Count<Broken>()} broken; {resolved} calls resolved by retrying after an in-doubt attempt; " +
               $"{attempts.Count(a => a.IsReplay)} deliberate replays";
    }

    public static string Failure(ChaosSettings settings, string when, IReadOnlyList<string> violations, IReadOnlyList<string> serverErrors)
    {
        var listed = violations.Take(MaxListed).Select(v => "  - " + v);
        var more = violations.Count > MaxListed ? [$"  ... and {violations.Count - MaxListed} more"] : Array.Empty<string>();
        var errors = serverErrors.Take(10).Select(e => "  | " + e);
        return string.Join('\n', [$"{violations.Count} violation(s) {when}; {settings.Replay}", .. listed, .. more, .. serverErrors.Count > 0 ? ["server errors:"] : Array.Empty<string>(), .. errors]);
    }
}
