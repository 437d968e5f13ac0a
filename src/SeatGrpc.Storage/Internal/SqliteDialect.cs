using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// SQLite in WAL mode. Writers take an in-process async gate before <c>BEGIN IMMEDIATE</c>, so
/// concurrent callers queue here instead of spinning in SQLite's sleep-based busy handler.
/// Readers never wait: WAL gives each read transaction its own snapshot. Writes use one long-lived connection, whose
/// compiled statements are kept (<see cref="CommandCache"/>); reads borrow open connections that keep theirs too
/// (<see cref="SqliteReaderPool"/>).
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    private const string EnableWal = "PRAGMA journal_mode=WAL;";

    // Per connection, not persistent: with WAL, NORMAL survives a process kill (not a power cut).
    private const string ConfigureConnection = "PRAGMA synchronous=NORMAL;";

    // The writer's own settings. SqliteCheckpointer copies the WAL back off the writer's path; the writer checkpoints only
    // past 64 MB of WAL, to let the WAL start over (SqliteCheckpointer.RestartFrames), and a WAL that a burst grew past
    // that is cut back when it does. The writer's page cache holds the hot index pages. Each write of a group commit runs
    // under a savepoint, whose undo journal SQLite keeps in a temporary FILE by default: every page a write touched went
    // to disk twice (the journal, then the WAL). In memory it costs only the pages a write touches.
    private static readonly string ConfigureWriter =
        $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.RestartFrames}; PRAGMA journal_size_limit={SqliteCheckpointer.RestartFrames * 4096L}; " +
        "PRAGMA cache_size=-8192; PRAGMA temp_store=MEMORY;";

    // Long enough to gather many commits' pages into one copy, short enough to keep the WAL to a few megabytes.
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(100);

    // The native SQLite provider is process-wide; Lazy runs its one-time registration once, thread-safely. Multi-thread
    // mode drops the mutex SQLite otherwise takes on every call into a connection (a tenth of ListSeats' CPU): no
    // connection here is ever used by two threads at once (the writer is behind its gate, a reader is lent to one
    // session). SQLite accepts the setting only before its first connection; after that it keeps serialized mode.
    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
        return true;
    });

    // foreign_key_check returns one row per dangling reference.
    private const string CheckForeignKeys = "PRAGMA foreign_key_check;";

    private readonly string _connectionString;
    private readonly string _migrationConnectionString;
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly ConditionalWeakTable<object, object> _configuredHandles = [];
    private readonly CommandCache _writerCommands = new();
    private readonly SqliteReaderPool _readers;
    private readonly SqliteCheckpointer _checkpointer;
    private SqliteConnection? _writer;

    public SqliteDialect(SqliteStorageOptions options, ILogger logger)
    {
        _ = NativeLibrary.Value;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.EffectiveBusyTimeout.TotalSeconds),
        }.ToString();

        // A migration that rebuilds a table must run with foreign keys off (SQLite's 12-step procedure); the pragma
        // cannot change inside a transaction, so migrations get their own unpooled connection that never turns them on.
        _migrationConnectionString = new SqliteConnectionStringBuilder(_connectionString)
        {
            Pooling = false,
            ForeignKeys = false,
        }.ToString();
        _readers = new SqliteReaderPool(async ct => (SqliteConnection)await OpenAsync(ct).ConfigureAwait(false));
        // Opening a SQLite connection never waits on I/O that an await could release: on the checkpointer's own thread the
        // task has already completed.
        _checkpointer = new SqliteCheckpointer(() => OpenAsync(CancellationToken.None).GetAwaiter().GetResult(), CheckpointInterval, logger);
    }

    public string MigrationFolder => "Sqlite";

    public JsonRowSyntax Json => JsonRowSyntax.Sqlite;

    public bool SerializesWriters => true;

    public bool LimitsEachUnionRun => false;

    public bool HasWritableCommonTableExpressions => false;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var mode = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition(EnableWal, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode (journal mode is '{mode}').");
        }

        _checkpointer.Start();
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var handle = connection.Handle!;
            if (!_configuredHandles.TryGetValue(handle, out _))
            {
                EnablePlannerStability(handle);
                await connection.ExecuteAsync(
                    new CommandDefinition(ConfigureConnection, cancellationToken: cancellationToken)).ConfigureAwait(false);
                _configuredHandles.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<StorageSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var lease = new GateLease(_writerGate, _checkpointer.Wrote);
        try
        {
            // One long-lived writer connection, used only under the gate: its commands stay compiled across transactions.
            _writer ??= await OpenWriterAsync(cancellationToken).ConfigureAwait(false);

            // Microsoft.Data.Sqlite issues BEGIN IMMEDIATE for a non-deferred transaction.
            var transaction = await _writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new StorageSession(_writer, transaction, lease, _writerCommands);
        }
        catch
        {
            // A writer that cannot begin (closed, or stuck in a transaction a failed rollback left) is replaced next time.
            DropWriter();
            lease.Dispose();
            throw;
        }
    }

    public Task<StorageSession> OpenReadSessionAsync(bool snapshot, CancellationToken cancellationToken) =>
        _readers.OpenSessionAsync(snapshot, cancellationToken);

    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A deferred transaction takes its WAL snapshot at the first read and keeps it to the end.
        var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: true);
        return Task.FromResult<DbTransaction>(transaction);
    }

    public async Task<StorageSession> BeginMigrationAsync(CancellationToken cancellationToken)
    {
        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var lease = new GateLease(_writerGate);
        var connection = new SqliteConnection(_migrationConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // BEGIN IMMEDIATE takes the file's write lock: another process migrating at once waits (busy timeout).
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new StorageSession(connection, transaction, lease);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            lease.Dispose();
            throw;
        }
    }

    public async Task VerifyMigrationAsync(StorageSession session, CancellationToken cancellationToken)
    {
        var dangling = await session.Connection.QueryAsync(
            new CommandDefinition(CheckForeignKeys, transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (dangling.Any())
        {
            throw new InvalidOperationException("A schema migration left rows that refer to missing rows; it was rolled back.");
        }
    }

    public bool IsTransientFailure(Exception exception)
    {
        // Writers are serialized by the gate and BEGIN IMMEDIATE: SQLite never aborts a transaction to break a conflict.
        return false;
    }

    public Task NotifyEventsAsync(StorageSession session, string poolKey, long sequence, CancellationToken cancellationToken)
    {
        // Every writer of a SQLite file is in this process: the in-process notifier is told after the commit.
        return Task.CompletedTask;
    }

    public bool IsUniqueViolation(DbException exception)
    {
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        return exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
    }

    public void Dispose()
    {
        _checkpointer.Dispose();
        _readers.Dispose();
        DropWriter();
        _writerGate.Dispose();
    }

    // The query planner stability guarantee: a statement's plan never depends on the values bound to it. Without it SQLite
    // re-prepares a statement whenever a parameter that its planner looked at is bound again, and it looks at LIMIT
    // @Limit: every page of seats, events or keys paid a full prepare (a seventh of ListSeats' CPU). No plan here gains
    // from bound values (no STAT4 statistics, no LIKE, partial indexes are matched by literals).
    private static void EnablePlannerStability(SQLitePCL.sqlite3 handle)
    {
        var result = SQLitePCL.raw.sqlite3_db_config(handle, SQLitePCL.raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
        SqliteException.ThrowExceptionForRC(result, handle);
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var writer = (SqliteConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await writer.ExecuteAsync(new CommandDefinition(ConfigureWriter, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void DropWriter()
    {
        _writerCommands.Dispose();
        _writer?.Dispose();
        _writer = null;
    }
}
