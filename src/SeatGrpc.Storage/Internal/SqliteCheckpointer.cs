using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Copies the WAL back into the database file on a connection of its own, off the writer's path. SQLite's automatic
/// checkpoint runs inside the COMMIT that crosses its threshold, so one write in a few hundred waited while megabytes were
/// copied and synced (AssignSeat's p99 was ten times its p50). Here the writer only announces that it wrote; a short
/// while later a PASSIVE checkpoint copies what has gathered, without blocking the writer or any reader. The WAL starts
/// over only when a transaction begins on a WAL copied to its end, which a busy writer never lets a concurrent checkpoint
/// reach; so the writer keeps SQLite's own checkpoint with a high threshold (<see cref="RestartFrames"/>), which then
/// finds all but the last few commits already copied.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>The WAL size (in frames, one page each) past which a checkpoint that could not finish is worth a warning.</summary>
    private const long LaggingFrames = 64_000;

    /// <summary>The writer's automatic checkpoint threshold (64 MB of WAL): past it, the next commit copies the rest itself.</summary>
    public const int RestartFrames = 16_384;

    private const string Checkpoint = "PRAGMA wal_checkpoint(PASSIVE);";

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wrote = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public SqliteCheckpointer(Func<CancellationToken, Task<DbConnection>> open, TimeSpan interval, ILogger logger)
    {
        _open = open;
        _interval = interval;
        _logger = logger;
    }

    public void Start()
    {
        // The loop serves the database, not the caller that opened it: it must not carry that caller's context.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        }
    }

    /// <summary>Called at every write transaction: a checkpoint follows within one interval.</summary>
    public void Wrote() => _wrote.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _wrote.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        DbConnection? connection = null;
        try
        {
            while (await _wrote.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _wrote.Reader.TryRead(out _);

                // Writes gather for one interval, so that a page rewritten by many commits is copied once.
                await Task.Delay(_interval, cancellationToken).ConfigureAwait(false);
                try
                {
                    connection ??= await _open(cancellationToken).ConfigureAwait(false);
                    await CheckpointAsync(connection, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is DbException or IOException)
                {
                    // The next write asks again, on a new connection; until then the WAL only grows, and past
                    // RestartFrames the writer checkpoints by itself.
                    StorageLog.CheckpointFailed(_logger, ex);
                    await CloseAsync(connection).ConfigureAwait(false);
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: the last connection to close checkpoints what is left.
        }
        finally
        {
            await CloseAsync(connection).ConfigureAwait(false);
        }
    }

    private static ValueTask CloseAsync(DbConnection? connection) => connection?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task CheckpointAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Checkpoint;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var frames = reader.GetInt64(1);
        var copied = reader.GetInt64(2);
        if (frames - copied > LaggingFrames)
        {
            // Frames a reader's snapshot still needs cannot be copied; the WAL grows until that read ends.
            StorageLog.CheckpointLagging(_logger, frames, copied);
        }
    }
}
