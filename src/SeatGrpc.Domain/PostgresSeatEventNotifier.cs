using Microsoft.Extensions.Logging;
using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain;

/// <summary>
/// The notifier for replicas sharing one PostgreSQL database. Writers NOTIFY on the <c>seat_events</c> channel inside
/// their transaction (so the signal leaves on commit); this notifier LISTENs on one dedicated connection and wakes
/// the local watchers of the named pool, whichever replica committed. A dropped listening connection is reopened;
/// after each reconnection the watched pools' latest sequences are read, so nothing committed meanwhile is missed.
/// Local commits also wake local watchers directly, without the round trip.
/// </summary>
public sealed class PostgresSeatEventNotifier : ISeatEventNotifier, IAsyncDisposable
{
    private readonly InProcessSeatEventNotifier _local = new();
    private readonly PostgresEventListener _listener;

    /// <summary>Starts listening at once, in the background.</summary>
    /// <exception cref="ArgumentException"><paramref name="database"/> is not a PostgreSQL database.</exception>
    public PostgresSeatEventNotifier(SeatDatabase database, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(database);
        _listener = database.CreateEventListener(_local.WatchedPools, _local.Publish, loggerFactory)
            ?? throw new ArgumentException("LISTEN/NOTIFY needs a PostgreSQL database.", nameof(database));
        _listener.Start();
    }

    /// <summary>The backend process id of the listening connection (0 while reconnecting); for tests.</summary>
    internal int ListenerProcessId => _listener.ServerProcessId;

    public void Publish(string poolKey, long sequence) => _local.Publish(poolKey, sequence);

    public ISeatEventSubscription Subscribe(string poolKey) => _local.Subscribe(poolKey);

    /// <summary>Completes once the listening connection is up (again). Watching works before that, with a delay.</summary>
    public Task WaitUntilListeningAsync(CancellationToken cancellationToken) => _listener.WaitUntilListeningAsync(cancellationToken);

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
