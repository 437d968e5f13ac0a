namespace SeatGrpc.Bench;

/// <summary>The subcommand's <c>--name value</c> flags, each read once with a default; unknown flags are an error.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public BenchArgs(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var flag = e.Current;
            if (!flag.StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchUsageException($"Unexpected argument '{flag}': flags look like --name value.");
            }

            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                _values[flag[2..eq]] = flag[(eq + 1)..];
            }
            else if (e.MoveNext())
            {
                _values[flag[2..]] = e.Current;
            }
            else
            {
                throw new BenchUsageException($"Flag '{flag}' needs a value.");
            }
        }
    }

    public string Text(string name, string fallback)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : fallback;
    }

    public int Int(string name, int fallback)
    {
        var text = Text(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new BenchUsageException($"--{name} must be a non-negative integer, not '{text}'.");
    }

    public double Double(string name, double fallback)
    {
        var text = Text(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new BenchUsageException($"--{name} must be a non-negative number, not '{text}'.");
    }

    /// <summary>Call after every flag of the command was read: names any flag the command does not know.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new BenchUsageException(
                $"Unknown flag(s): {string.Join(", ", unknown.Select(u => "--" + u))}. Known here: {string.Join(", ", _read.Select(r => "--" + r))}.");
        }
    }
}
