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
    private readonly IDisposable? _lease;
    private readonly CommandCache? _sharedCommands;
    private readonly bool _ownsConnection;
    private readonly DbConnection _connection;
    private readonly Activity? _span;
    private CommandCache? _ownCommands;
    private List<DbCommand>? _deferred;
    private bool _disposed;
    private int _statements;

    internal StorageSession(DbConnection connection, DbTransaction? transaction, IDisposable? writerLease)
    {
        _connection = connection;
        Transaction = transaction;
        _lease = writerLease;
        _ownsConnection = true;
        _span = StorageSpans.StartSession(connection, transaction is not null);
    }

    /// <summary>
    /// A session on a long-lived connection (the SQLite writer, a pooled SQLite reader) that outlives it, with that
    /// connection's commands; disposing the session disposes <paramref name="lease"/>, which hands the connection on.
    /// </summary>
    internal StorageSession(DbConnection connection, DbTransaction? transaction, IDisposable lease, CommandCache sharedCommands)
    {
        _connection = connection;
        Transaction = transaction;
        _lease = lease;
        _sharedCommands = sharedCommands;
        _ownsConnection = false;
        _span = StorageSpans.StartSession(connection, transaction is not null);
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

    // The long-lived connection's cache, or this session's own, made on first use.
    private CommandCache Commands => _sharedCommands ?? (_ownCommands ??= new CommandCache());

    /// <summary>How many statements the session has run so far.</summary>
    internal int Statements => _statements;

    internal DbTransaction? Transaction { get; }

    /// <summary>The connection's command for <paramref name="sql"/>, in this session's transaction; set its parameters with <c>With</c>.</summary>
    internal DbCommand Command(string sql)
    {
        _statements++;
        return Commands.Get(_connection, Transaction, sql);
    }

    /// <summary>
    /// On SQLite, the connection's <see cref="SqliteRowStatement"/> for a command of <see cref="Command"/> (it binds that
    /// command's parameters); null on PostgreSQL, where the command itself runs.
    /// </summary>
    internal SqliteRowStatement? RowStatement(DbCommand command) =>
        _connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? Commands.RowStatement(sqlite, command.CommandText)
            : null;

    /// <summary>
    /// A command for a statement whose answer nobody reads (an event row, a stored response, a NOTIFY): run it with
    /// <see cref="RunOrDeferAsync"/>. Where the engine takes batches (PostgreSQL), it is held back and sent with the COMMIT
    /// in one round trip, so it must not be needed by a later statement of the transaction.
    /// </summary>
    internal DbCommand Deferrable(string sql)
    {
        if (!CanDefer)
        {
            return Command(sql);
        }

        _statements++;
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>Runs a command of <see cref="Deferrable"/> now, or holds it for the COMMIT's round trip.</summary>
    internal Task RunOrDeferAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (!CanDefer)
        {
            return command.ExecuteNonQueryAsync(cancellationToken);
        }

        (_deferred ??= new List<DbCommand>(4)).Add(command);
        return Task.CompletedTask;
    }

    // Only a session's own transaction: a shared one (the SQLite writer's group) commits elsewhere, and SQLite has no batches.
    private bool CanDefer => Transaction is not null && _sharedCommands is null && _connection.CanCreateBatch;

    private DbTransaction RequireTransaction() =>
        Transaction ?? throw new InvalidOperationException("Savepoints need a transaction.");

    /// <summary>Commits; the held-back statements go first, in the same round trip, and any failure among them fails the commit.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null)
        {
            return;
        }

        if (_deferred is not { Count: > 0 })
        {
            await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var batch = _connection.CreateBatch();
        batch.Transaction = Transaction;
        foreach (var command in _deferred)
        {
            batch.BatchCommands.Add(ToBatchCommand(batch, command.CommandText, command.Parameters));
        }

        // One Sync ends the batch: if a statement fails, PostgreSQL skips the rest, COMMIT included, and the caller rolls back.
        batch.BatchCommands.Add(ToBatchCommand(batch, "COMMIT", parameters: null));
        _statements++;
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        DisposeDeferred();
    }

    private static DbBatchCommand ToBatchCommand(DbBatch batch, string sql, DbParameterCollection? parameters)
    {
        var batchCommand = batch.CreateBatchCommand();
        batchCommand.CommandText = sql;
        foreach (DbParameter parameter in (System.Collections.IEnumerable?)parameters ?? Array.Empty<DbParameter>())
        {
            var copy = batchCommand.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.DbType = parameter.DbType;
            copy.Value = parameter.Value;
            batchCommand.Parameters.Add(copy);
        }

        return batchCommand;
    }

    private void DisposeDeferred()
    {
        foreach (var command in _deferred ?? [])
        {
            command.Dispose();
        }

        _deferred?.Clear();
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
            DisposeDeferred();
            if (_ownsConnection)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _lease?.Dispose();
            StorageSpans.Stop(_span, _statements);
        }
    }
}
