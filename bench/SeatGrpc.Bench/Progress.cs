using System.Diagnostics;

namespace SeatGrpc.Bench;

/// <summary>Prints one line a second to stderr while a run is going: elapsed time, completed units and the current rate.</summary>
internal sealed class Progress : IAsyncDisposable
{
    private readonly string _label;
    private readonly string _unit;
    private readonly Func<long> _count;
    private readonly Func<long> _errors;
    private readonly double _totalSeconds;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public Progress(string label, string unit, double totalSeconds, Func<long> count, Func<long> errors)
    {
        _label = label;
        _unit = unit;
        _totalSeconds = totalSeconds;
        _count = count;
        _errors = errors;
        _loop = RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        long last = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            var now = _count();
            var total = _totalSeconds > 0 ? FormattableString.Invariant($"/{_totalSeconds:F0}s") : "s";
            Console.Error.WriteLine(FormattableString.Invariant(
                $"  {_label}: {clock.Elapsed.TotalSeconds:F0}{total} {now:N0} {_unit}, {now - last:N0} {_unit}/s, errors {_errors():N0}"));
            last = now;
        }
    }
}
