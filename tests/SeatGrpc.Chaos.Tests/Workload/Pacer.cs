using System.Diagnostics;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Spaces one client's calls to a steady rate (open-loop pacing for the soak): it sleeps until the next slot.</summary>
internal sealed class Pacer
{
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next;

    public Pacer(double callsPerSecond)
    {
        _interval = TimeSpan.FromSeconds(1 / callsPerSecond);
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        _next += _interval;
        var wait = _next - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
        else if (-wait > 10 * _interval)
        {
            // Far behind (the server stalled): do not burst to catch up.
            _next = _clock.Elapsed;
        }
    }
}
