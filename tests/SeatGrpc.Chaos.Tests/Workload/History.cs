using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Every recorded call of a run, and the failures of unrecorded reads, in a thread-safe log.</summary>
internal sealed class History
{
    private readonly ConcurrentQueue<CallRecord> _calls = new();
    private readonly ConcurrentQueue<string> _readFailures = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _retain;
    private long _nextId;

    /// <summary>Initializes a new instance of the <see cref="History"/> class.</summary>
    /// <param name="retain">Whether calls are kept (a soak keeps none: it would grow without bound).</param>
    public History(bool retain = true)
    {
        _retain = retain;
    }

    /// <summary>Gets the time since the run started, the clock of every attempt.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<CallRecord> Calls => [.. _calls];

    /// <summary>Gets the read calls that broke a rule on their own (an UNKNOWN status, occupied above total...).</summary>
    public IReadOnlyList<string> ReadFailures => [.. _readFailures];

    public CallRecord Begin(int client, CallKind kind, string pool, string requestId, IMessage request, CallRecord? reused = null)
    {
        var record = new CallRecord(Interlocked.Increment(ref _nextId), client, kind, pool, requestId, request) { Reused = reused };
        if (_retain)
        {
            _calls.Enqueue(record);
        }

        return record;
    }

    public void ReadFailed(string failure) => _readFailures.Enqueue(failure);
}
