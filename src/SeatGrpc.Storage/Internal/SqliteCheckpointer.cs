using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Copies the WAL back into the database file on a connection of its own, off the writer's path. SQLite's automatic
/// checkpoint runs inside the COMMIT that crosses its threshold, so one write in a few hundred waited while megabytes were
/// copied and synced (AssignSeat's p99 was ten times its p50). Here the writer only announces that it wrote; a short
/// while later a PASSIVE checkpoint copies what has gathered, without blocking the writer or any reader. The WAL starts
/// over only when a transaction begins on a WAL copied to its end, which a busy writer never lets a concurrent checkpoint
/// reach; so the writer keeps SQLite's own checkpoint with a high threshold (<see cref="RestartFrames"/>), which then
/// finds all but the last few commits already copied. SQLite blocks while it copies and syncs (an fsync can take 200 ms),
/// so the loop runs on a thread of its own rather than holding one of the thread pool's.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>The WAL size (in frames, one page each) past which a checkpoint that could not finish is worth a warning.</summary>
    private const long LaggingFrames = 64_000;

    /// <summary>The writer's automatic checkpoint threshold (64 MB of WAL): past it, the next commit copies the rest itself.</summary>
    public const int RestartFrames = 16_384;

    private const string Checkpoint = "PRAGMA wal_checkpoint(PASSIVE);";

    private readonly Func<DbConnection> _open;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wrote = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private int _pending;
    private int _disposed;

    public SqliteCheckpointer(Func<DbConnection> open, TimeSpan interval, ILogger logger)
    {
        _open = open;
        _interval = interval;
        _logger = logger;
    }

    public void Start()
    {
        // UnsafeStart: the thread serves the database, not the caller that opened it, so it takes none of its context.
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
        _thread.UnsafeStart();
    }

    /// <summary>Called after every write transaction: a checkpoint follows within one interval.</summary>
    public void Wrote()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _wrote.Release();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
        _wrote.Dispose();
    }

    private void Run()
    {
        var stop = _stop.Token;
        DbConnection? connection = null;
        try
        {
            while (true)
            {
                _wrote.Wait(stop);

                // Writes gather for one interval, so that a page rewritten by many commits is copied once.
                if (stop.WaitHandle.WaitOne(_interval))
                {
                    return;
                }

                // A write committed from here on asks for the next checkpoint.
                Volatile.Write(ref _pending, 0);
                try
                {
                    connection ??= _open();
                    CheckpointOnce(connection);
                }
                catch (Exception ex) when (ex is DbException or IOException)
                {
                    // The next write asks again, on a new connection; until then the WAL only grows, and past
                    // RestartFrames the writer checkpoints by itself.
                    StorageLog.CheckpointFailed(_logger, ex);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the last connection to close checkpoints what is left.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void CheckpointOnce(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Checkpoint;
        using var reader = command.ExecuteReader();
        reader.Read();
        var frames = reader.GetInt64(1);
        var copied = reader.GetInt64(2);
        if (frames - copied > LaggingFrames)
        {
            // Frames a reader's snapshot still needs cannot be copied; the WAL grows until that read ends.
            StorageLog.CheckpointLagging(_logger, frames, copied);
        }
    }
}
