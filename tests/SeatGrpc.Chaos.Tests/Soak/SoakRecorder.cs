using System.Collections.Concurrent;
using System.Diagnostics;
using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>
/// Hears every attempt of a soak: the first and the last window's latencies, and the outcomes. Refusals are the
/// domain's expected answers (no seat free, grantee already seated...); anything in doubt or broken is an error, since
/// nothing fails on purpose in a soak.
/// </summary>
internal sealed class SoakRecorder : IAttemptListener
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _window;
    private readonly TimeSpan _duration;
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _errors = new();
    private long _attempts;

    public SoakRecorder(TimeSpan duration, TimeSpan window)
    {
        _duration = duration;
        _window = window;
    }

    public LatencyWindow First { get; } = new();

    public LatencyWindow Last { get; } = new();

    public LatencyWindow Progress { get; private set; } = new();

    public long Attempts => Interlocked.Read(ref _attempts);

    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    /// <summary>Gets the first unexpected errors (up to 20 kept).</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public int ErrorCount { get; private set; }

    public void OnAttempt(string operation, Outcome outcome, TimeSpan latency)
    {
        Interlocked.Increment(ref _attempts);
        var now = _clock.Elapsed;
        var ms = latency.TotalMilliseconds;
        if (now < _window)
        {
            First.Add(operation, ms);
        }
        else if (now >= _duration - _window && now < _duration)
        {
            Last.Add(operation, ms);
        }

        Progress.Add(operation, ms);
        var key = outcome switch
        {
            Ok => "ok",
            Rejected r => "refused " + r.Reason,
            _ => "error " + outcome.Describe(),
        };
        _outcomes.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (outcome is InDoubt or Broken)
        {
            lock (_errors)
            {
                ErrorCount++;
                if (_errors.Count < 20)
                {
                    _errors.Enqueue($"{now.TotalSeconds:0.0}s {operation}: {outcome.Describe()}");
                }
            }
        }
    }

    /// <summary>Starts a new progress window and returns the one that ends.</summary>
    public LatencyWindow NextProgress()
    {
        var ended = Progress;
        Progress = new LatencyWindow();
        return ended;
    }
}
