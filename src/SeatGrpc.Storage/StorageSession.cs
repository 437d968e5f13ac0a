using System.Data.Common;
using System.Diagnostics;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Storage;

/// <summary>
/// One connection and, for writes and snapshot reads, one transaction. Disposing without
/// <see cref="CommitAsync"/> rolls back. Repositories take the session as their first argument, and run each statement
/// through <see cref="Command"/> or one use of <see cref="Connection"/>, so the session counts its statements for its span
/// (<see cref="StorageSpans"/>).
/// </summary>
public sealed class StorageSession : IAsyncDisposable
{
    private readonly IDisposable? _writerLease;
    private readonly CommandCache? _sharedCommands;
    private readonly bool _ownsConnection;
    private readonly DbConnection _connection;
    private readonly Activity? _span;
    private CommandCache? _ownCommands;
    private bool _disposed;
    private int _statements;

    internal StorageSession(DbConnection connection, DbTransaction? transaction, IDisposable? writerLease)
    {
        _connection = connection;
        Transaction = transaction;
        _writerLease = writerLease;
        _ownsConnection = true;
        _span = StorageSpans.StartSession(connection, transaction is not null);
    }

    /// <summary>A session on a long-lived connection (the SQLite writer) that outlives it, with that connection's commands.</summary>
    internal StorageSession(DbConnection connection, DbTransaction transaction, IDisposable writerLease, CommandCache sharedCommands)
    {
        _connection = connection;
        Transaction = transaction;
        _writerLease = writerLease;
        _sharedCommands = sharedCommands;
        _ownsConnection = false;
        _span = StorageSpans.StartSession(connection, inTransaction: true);
    }

    /// <summary>The connection, for one statement (a Dapper call) per use: each use counts as a statement.</summary>
    internal DbConnection Connection
    {
        get
        {
            _statements++;
            return _connection;
        }
    }

    /// <summary>The connection, without counting a statement (to name the engine in spans).</summary>
    internal DbConnection RawConnection => _connection;

    /// <summary>How many statements the session has run so far.</summary>
    internal int Statements => _statements;

    internal DbTransaction? Transaction { get; }

    /// <summary>The connection's command for <paramref name="sql"/>, in this session's transaction; set its parameters with <c>With</c>.</summary>
    internal DbCommand Command(string sql)
    {
        _statements++;
        return (_sharedCommands ?? (_ownCommands ??= new CommandCache())).Get(_connection, Transaction, sql);
    }

    private DbTransaction RequireTransaction() =>
        Transaction ?? throw new InvalidOperationException("Savepoints need a transaction.");

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        return Transaction is null ? Task.CompletedTask : Transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Marks a savepoint inside the transaction, so one operation of a group can be undone alone.</summary>
    internal Task SaveAsync(string savepoint, CancellationToken cancellationToken) =>
        RequireTransaction().SaveAsync(savepoint, cancellationToken);

    /// <summary>Undoes everything since the savepoint and drops it; the transaction goes on.</summary>
    internal async Task RollbackToAsync(string savepoint, CancellationToken cancellationToken)
    {
        var transaction = RequireTransaction();
        await transaction.RollbackAsync(savepoint, cancellationToken).ConfigureAwait(false);
        await transaction.ReleaseAsync(savepoint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the work since the savepoint (it commits with the transaction) and drops the savepoint.</summary>
    internal Task ReleaseAsync(string savepoint, CancellationToken cancellationToken) =>
        RequireTransaction().ReleaseAsync(savepoint, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (Transaction is not null)
            {
                await Transaction.DisposeAsync().ConfigureAwait(false);
            }

            _ownCommands?.Dispose();
            if (_ownsConnection)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writerLease?.Dispose();
            StorageSpans.Stop(_span, _statements);
        }
    }
}
