using System.Diagnostics;

namespace SeatGrpc.Chaos.Tests.Faults;

/// <summary>No faults: a checkpoint every few seconds until the budget is spent.</summary>
internal sealed class NoFaults : IFaultPlan
{
    private readonly TimeSpan _budget;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _rounds;

    public NoFaults(TimeSpan budget, TimeSpan interval)
    {
        _budget = budget;
        _interval = interval;
    }

    public bool Done => _clock.Elapsed >= _budget;

    public string Summary => $"{_rounds} checkpoints in {_clock.Elapsed.TotalSeconds:0} s";

    public async Task RoundAsync(Random random, CancellationToken cancellationToken)
    {
        var left = _budget - _clock.Elapsed;
        await Task.Delay(left < _interval ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : _interval, cancellationToken).ConfigureAwait(false);
        _rounds++;
    }
}
