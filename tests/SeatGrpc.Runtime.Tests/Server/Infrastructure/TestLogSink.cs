using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>Collects the server's log entries, so tests can assert on them and fail on unexpected errors.</summary>
public sealed class TestLogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this);

    /// <summary>Removes and returns the entries at Error or above.</summary>
    /// <returns>The error entries.</returns>
    public List<(LogLevel Level, EventId EventId, string Message, Exception? Exception)> TakeErrors()
    {
        var errors = new List<(LogLevel, EventId, string, Exception?)>();
        var rest = new List<(LogLevel, EventId, string, Exception?)>();
        while (Entries.TryDequeue(out var entry))
        {
            (entry.Level >= LogLevel.Error ? errors : rest).Add(entry);
        }

        foreach (var entry in rest)
        {
            Entries.Enqueue(entry);
        }

        return errors;
    }

    public void Dispose()
    {
    }

    private sealed class SinkLogger(TestLogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
    }
}
