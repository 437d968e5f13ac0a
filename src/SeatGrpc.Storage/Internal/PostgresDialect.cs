using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. There is no writer gate: writes run at READ
/// COMMITTED, and every check-and-change is one conditional UPDATE whose row lock orders the writers of a pool,
/// on any replica. Snapshot reads run at REPEATABLE READ.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    // Any fixed 64-bit key: replicas starting at once take it in turn around the migration transaction.
    private const long MigrationLockKey = 0x5EA7_6270_0000_0001;

    private const string TakeMigrationLock = """
        SELECT pg_advisory_xact_lock(@Key)
        """;

    private const string NotifyListeners = """
        SELECT pg_notify(@Channel, @Payload)
        """;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(PostgresStorageOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "SeatGrpc";
        }

        ConnectionString = builder.ConnectionString;
        Host = builder.Host ?? "";
        DatabaseName = builder.Database ?? "";
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The effective connection string (with an application name), for the event listener's own connection.</summary>
    public string ConnectionString { get; }

    /// <summary>The server, for the log (never the whole connection string, which may hold a password).</summary>
    public string Host { get; }

    public string DatabaseName { get; }

    public string MigrationFolder => "Postgres";

    public JsonRowSyntax Json => JsonRowSyntax.Postgres;

    public bool SerializesWriters => false;

    public bool LimitsEachUnionRun => true;

    public bool HasWritableCommonTableExpressions => true;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StorageSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            return new StorageSession(connection, transaction, writerLease: null);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        return await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StorageSession> BeginMigrationAsync(CancellationToken cancellationToken)
    {
        var session = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Held until the migration commits or rolls back; CREATE TABLE IF NOT EXISTS alone is not safe when run concurrently.
            await session.Connection.ExecuteAsync(
                new CommandDefinition(TakeMigrationLock, new { Key = MigrationLockKey }, session.Transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task VerifyMigrationAsync(StorageSession session, CancellationToken cancellationToken)
    {
        // Foreign keys stay on during PostgreSQL migrations: a violation already failed the script.
        return Task.CompletedTask;
    }

    public bool IsUniqueViolation(DbException exception)
    {
        return exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
    }

    public bool IsTransientFailure(Exception exception)
    {
        return exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };
    }

    public Task NotifyEventsAsync(StorageSession session, string poolKey, long sequence, CancellationToken cancellationToken)
    {
        // NOTIFY is transactional: listeners hear it when (and only if) this transaction commits. So it can ride with the COMMIT.
        var command = session.Deferrable(NotifyListeners)
            .With("@Channel", PostgresStorageOptions.EventChannel)
            .With("@Payload", EventPayload.Format(poolKey, sequence));
        return session.RunOrDeferAsync(command, cancellationToken);
    }

    public void Dispose()
    {
        _dataSource.Dispose();
    }
}
