using Microsoft.Data.Sqlite;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Open SQLite reader connections, each with its compiled commands (<see cref="CommandCache"/>), lent to one read session
/// at a time. A connection per call (even from Microsoft.Data.Sqlite's pool) compiled every statement again: parsing and
/// planning were most of GetSeat's database cost. The last connection given back is lent first, so its pages stay warm.
/// A connection comes back only when it is open and outside any transaction (SQLite's autocommit mode), so the next
/// session starts on a fresh snapshot; otherwise it is closed, as is every one past <see cref="MaxIdle"/>.
/// </summary>
internal sealed class SqliteReaderPool : IDisposable
{
    /// <summary>Enough for the concurrent reads of a small machine; a burst past it opens, then closes, extra connections.</summary>
    public const int MaxIdle = 8;

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Lock _lock = new();
    private readonly Reader[] _idle = new Reader[MaxIdle];
    private int _count;
    private bool _disposed;

    public SqliteReaderPool(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        _open = open;
    }

    /// <summary>A read session on a pooled connection; with <paramref name="snapshot"/>, inside one deferred (WAL snapshot) transaction.</summary>
    public async Task<StorageSession> OpenSessionAsync(bool snapshot, CancellationToken cancellationToken)
    {
        var reader = TakeIdle() ?? new Reader(this, await _open(cancellationToken).ConfigureAwait(false));
        try
        {
            // A deferred transaction takes its WAL snapshot at the first read and keeps it to the end.
            var transaction = snapshot ? reader.Connection.BeginTransaction(deferred: true) : null;
            return new StorageSession(reader.Connection, transaction, reader, reader.Commands);
        }
        catch
        {
            reader.Close();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            for (var i = 0; i < _count; i++)
            {
                _idle[i].Close();
                _idle[i] = null!;
            }

            _count = 0;
        }
    }

    private Reader? TakeIdle()
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                return null;
            }

            var reader = _idle[--_count];
            _idle[_count] = null!;
            return reader;
        }
    }

    private void GiveBack(Reader reader)
    {
        if (reader.IsReusable)
        {
            lock (_lock)
            {
                if (!_disposed && _count < MaxIdle)
                {
                    _idle[_count++] = reader;
                    return;
                }
            }
        }

        reader.Close();
    }

    /// <summary>One pooled connection; disposing it (the session's lease) gives it back to the pool.</summary>
    private sealed class Reader(SqliteReaderPool pool, SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public CommandCache Commands { get; } = new();

        /// <summary>Open, and in autocommit mode: the last session left no transaction (and so no old snapshot) behind.</summary>
        public bool IsReusable =>
            Connection.State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) != 0;

        public void Dispose() => pool.GiveBack(this);

        public void Close()
        {
            Commands.Dispose();
            Connection.Dispose();
        }
    }
}
