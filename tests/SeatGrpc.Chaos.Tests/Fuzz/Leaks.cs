using System.Text.RegularExpressions;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>What must never reach a caller: a stack trace or exception name, SQL or a database's name, a file path.</summary>
internal static partial class Leaks
{
    /// <summary>The first leak in <paramref name="text"/>, or null.</summary>
    public static string? Find(string text)
    {
        var match = Pattern().Match(text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(
        @"\s+at\s+[\w.`<>|]+\(|\.cs:line\s+\d|\b\w+Exception\b|\bSQLite\b|\bNpgsql\b|\bPostgres(ql)?\b|\bSELECT\b[^""]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bconstraint\b|syntax error|/tmp/|/home/|/work/|/usr/|/root/|/proc/|/var/|\.dll\b|[A-Za-z]:\\",
        RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
