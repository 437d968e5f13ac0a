namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// Sends generated requests one at a time and checks each answer: acceptable (see the senders), no leak in anything
/// the caller sees, and, after a refusal, the database exactly as it was. Collects the failures and a tally by status.
/// </summary>
internal sealed class FuzzRun
{
    private const int MaxFailures = 40;

    private readonly string _databasePath;
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _tally = new(StringComparer.Ordinal);
    private string _digest;

    public FuzzRun(string databasePath)
    {
        _databasePath = databasePath;
        _digest = DatabaseDigest.Read(databasePath);
    }

    public IReadOnlyList<string> Failures => _failures;

    public int Cases { get; private set; }

    public string Tally => string.Join(", ", _tally.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));

    public async Task CheckAsync(object fuzz, Func<Task<FuzzAnswer>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        Cases++;
        var answer = await send().ConfigureAwait(false);
        _tally[answer.Status] = _tally.GetValueOrDefault(answer.Status) + 1;
        if (answer.Problem is { } problem)
        {
            Fail(fuzz, $"{problem}: {Truncate(answer.Text)}");
        }

        if (Leaks.Find(answer.Text) is { } leak)
        {
            Fail(fuzz, $"the answer shows '{leak}': {Truncate(answer.Text)}");
        }

        var digest = DatabaseDigest.Read(_databasePath);
        if (!answer.Ok && digest != _digest)
        {
            Fail(fuzz, $"refused ({answer.Status}), yet the database changed: {_digest} -> {digest}");
        }

        _digest = digest;
    }

    private void Fail(object fuzz, string what)
    {
        if (_failures.Count < MaxFailures)
        {
            _failures.Add($"{fuzz}: {what}");
        }
    }

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "...";
}
