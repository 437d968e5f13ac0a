using System.Collections.Concurrent;
using Grpc.Core;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>What the test service and interceptors saw, for the tests to assert on. One per fixture; reset per test.</summary>
public sealed class EchoProbe
{
    private int _disposed;

    public TaskCompletionSource HandlerCanceled { get; private set; } = NewSignal();

    public TaskCompletionSource LateResultProduced { get; private set; } = NewSignal();

    public TaskCompletionSource HandlerWaiting { get; private set; } = NewSignal();

    public ConcurrentQueue<string> Events { get; private set; } = new();

    public DateTime LastDeadline { get; private set; }

    public int Calls { get; private set; }

    public int Disposed => Volatile.Read(ref _disposed);

    public void RecordCall(ServerCallContext context)
    {
        LastDeadline = context.Deadline;
        Calls++;
        Events.Enqueue("handler");
    }

    public void RecordDisposed()
    {
        Interlocked.Increment(ref _disposed);
        Events.Enqueue("disposed");
    }

    public void Reset()
    {
        HandlerCanceled = NewSignal();
        LateResultProduced = NewSignal();
        HandlerWaiting = NewSignal();
        Events = new ConcurrentQueue<string>();
        Calls = 0;
        Volatile.Write(ref _disposed, 0);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
