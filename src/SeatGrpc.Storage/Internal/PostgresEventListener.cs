using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// One dedicated connection that LISTENs on <see cref="PostgresStorageOptions.EventChannel"/> and hands each
/// notification to a callback. When the connection drops it reconnects with a growing delay; after every
/// (re)connection it reads the latest sequence of each watched pool, so an event committed while nobody was
/// listening still wakes its watchers.
/// </summary>
internal sealed class PostgresEventListener : IAsyncDisposable
{
    private const string Listen = "LISTEN " + PostgresStorageOptions.EventChannel;

    private const string SelectLatestSequences = """
        SELECT id, last_event_sequence FROM pools WHERE id = ANY(@Ids)
        """;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly Func<IReadOnlyCollection<string>> _watchedPools;
    private readonly Action<string, long> _onEvent;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private int _disposed;

    public PostgresEventListener(
        string connectionString, Func<IReadOnlyCollection<string>> watchedPools, Action<string, long> onEvent, ILogger logger)
    {
        // Keepalives make a silently dead connection fail WaitAsync, which triggers the reconnection.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = "SeatGrpc event listener",
        }.ConnectionString;
        _watchedPools = watchedPools;
        _onEvent = onEvent;
        _logger = logger;
    }

    /// <summary>The backend process id of the current listening connection; 0 while disconnected.</summary>
    public int ServerProcessId { get; private set; }

    public void Start()
    {
        _loop ??= Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Completes once LISTEN is active (again) and the catch-up read is done.</summary>
    public Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _listening.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The host disposes the notifier that owns this listener, and so does the store that made it: once is enough.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected end of the loop.
            }
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var delay = FirstRetryDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenUntilFailureAsync(() => delay = FirstRetryDelay, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                MarkDisconnected();
                StorageLog.EventListenerLost(_logger, (long)delay.TotalMilliseconds, ex);
                await Task.Delay(delay, stop).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ListenUntilFailureAsync(Action connected, CancellationToken stop)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += OnNotification;
            await connection.OpenAsync(stop).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(Listen, cancellationToken: stop)).ConfigureAwait(false);
            ServerProcessId = connection.ProcessID;
            StorageLog.EventListenerConnected(_logger, PostgresStorageOptions.EventChannel, connection.ProcessID);
            await CatchUpAsync(connection, stop).ConfigureAwait(false);
            connected();
            MarkListening();
            while (true)
            {
                await connection.WaitAsync(stop).ConfigureAwait(false);
            }
        }
    }

    private async Task CatchUpAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        var ids = new List<long>();
        foreach (var key in _watchedPools())
        {
            if (PoolKeys.TryParse(key, out var id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        var rows = await connection.QueryAsync<(long Id, long LastEventSequence)>(
            new CommandDefinition(SelectLatestSequences, new { Ids = ids.ToArray() }, cancellationToken: stop)).ConfigureAwait(false);
        foreach (var (id, sequence) in rows)
        {
            _onEvent(PoolKeys.Format(id), sequence);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        if (!string.Equals(args.Channel, PostgresStorageOptions.EventChannel, StringComparison.Ordinal))
        {
            return;
        }

        if (EventPayload.TryParse(args.Payload, out var poolKey, out var sequence))
        {
            _onEvent(poolKey, sequence);
        }
        else
        {
            StorageLog.EventPayloadMalformed(_logger);
        }
    }

    private void MarkListening()
    {
        lock (_lock)
        {
            _listening.TrySetResult();
        }
    }

    private void MarkDisconnected()
    {
        ServerProcessId = 0;
        lock (_lock)
        {
            if (_listening.Task.IsCompleted)
            {
                _listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
