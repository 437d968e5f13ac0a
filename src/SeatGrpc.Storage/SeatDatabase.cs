using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Storage;

/// <summary>
/// The seat database: opens the engine, migrates the schema, hands out sessions and exposes one
/// repository per aggregate to the domain.
/// </summary>
public sealed class SeatDatabase : IDisposable
{
    private const string Ping = "SELECT COUNT(*) FROM schema_migrations";

    private readonly ISqlDialect _dialect;
    private readonly ILogger _logger;

    static SeatDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private SeatDatabase(ISqlDialect dialect, StorageEngine engine, int maxTransientRetries, ILogger logger)
    {
        _dialect = dialect;
        _logger = logger;
        Engine = engine;
        MaxTransientRetries = maxTransientRetries;
        Seats = new SeatRepository(dialect);
        SeatsBulk = new SeatBulkRepository(dialect.Json);
        Events = new SeatEventRepository(dialect.Json);
    }

    /// <summary>The engine behind this database.</summary>
    public StorageEngine Engine { get; }

    /// <summary>Whether all writes are serialized in this process (SQLite), so that grouping them into one transaction pays.</summary>
    internal bool SerializesWriters => _dialect.SerializesWriters;

    /// <summary>How often a write aborted by the engine to break a conflict is run again (0 on SQLite, which never does).</summary>
    internal int MaxTransientRetries { get; }

    internal PoolRepository Pools { get; } = new();

    internal SeatRepository Seats { get; }

    internal SeatBulkRepository SeatsBulk { get; }

    internal SeatEventRepository Events { get; }

    internal IdempotencyRepository Idempotency { get; } = new();

    internal SecretRepository Secrets { get; } = new();

    internal ApiKeyRepository ApiKeys { get; } = new();

    /// <summary>Opens (creating if needed) the SQLite file, switches it to WAL and applies migrations.</summary>
    /// <exception cref="SchemaVersionException">The file was migrated by a newer binary.</exception>
    public static async Task<SeatDatabase> OpenSqliteAsync(
        SqliteStorageOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SeatDatabase>();
        var dialect = new SqliteDialect(options, logger);
        try
        {
            await dialect.InitializeAsync(cancellationToken).ConfigureAwait(false);
            var fullPath = Path.GetFullPath(options.Path);
            StorageLog.SqliteOpened(logger, fullPath);
            var migrator = new SchemaMigrator(dialect, logger);
            await migrator.MigrateAsync(MigrationCatalog.Load(dialect.MigrationFolder), cancellationToken).ConfigureAwait(false);
            return new SeatDatabase(dialect, StorageEngine.Sqlite, maxTransientRetries: 0, logger);
        }
        catch
        {
            dialect.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Connects to a PostgreSQL database shared by several replicas and applies the missing migrations under an
    /// advisory lock, so replicas starting at once migrate one after the other.
    /// </summary>
    /// <exception cref="SchemaVersionException">The database was migrated by a newer binary.</exception>
    public static async Task<SeatDatabase> OpenPostgresAsync(
        PostgresStorageOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxTransientRetries);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SeatDatabase>();
        var dialect = new PostgresDialect(options);
        try
        {
            var migrator = new SchemaMigrator(dialect, logger);
            await migrator.MigrateAsync(MigrationCatalog.Load(dialect.MigrationFolder), cancellationToken).ConfigureAwait(false);
            StorageLog.PostgresOpened(logger, dialect.Host, dialect.DatabaseName);
            return new SeatDatabase(dialect, StorageEngine.Postgres, options.MaxTransientRetries, logger);
        }
        catch
        {
            dialect.Dispose();
            throw;
        }
    }

    /// <summary>A write transaction (serialized with other writers where the engine needs it).</summary>
    public Task<StorageSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        return _dialect.BeginWriteAsync(cancellationToken);
    }

    /// <summary>A read transaction: every read in it sees the same snapshot.</summary>
    public Task<StorageSession> BeginSnapshotAsync(CancellationToken cancellationToken) =>
        _dialect.OpenReadSessionAsync(snapshot: true, cancellationToken);

    /// <summary>A connection without a transaction, for single-statement reads.</summary>
    public Task<StorageSession> OpenReadAsync(CancellationToken cancellationToken) =>
        _dialect.OpenReadSessionAsync(snapshot: false, cancellationToken);

    /// <summary>Whether the database can be opened and queried; failures are logged, not thrown.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await OpenReadAsync(cancellationToken).ConfigureAwait(false);
            await session.Connection.ExecuteScalarAsync<long>(
                new CommandDefinition(Ping, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException)
        {
            StorageLog.HealthCheckFailed(_logger, ex);
            return false;
        }
    }

    public void Dispose()
    {
        _dialect.Dispose();
    }

    /// <summary>Whether the engine aborted a write that can simply be run again (deadlock, serialization failure).</summary>
    internal bool IsTransientFailure(Exception exception) => _dialect.IsTransientFailure(exception);

    /// <summary>Inside the write transaction: announces the pool's new events to other replicas once it commits.</summary>
    internal Task NotifyEventsAsync(StorageSession session, string poolKey, long sequence, CancellationToken cancellationToken) =>
        _dialect.NotifyEventsAsync(session, poolKey, sequence, cancellationToken);

    /// <summary>
    /// A listener for the events other replicas commit, or null where every writer is in this process (SQLite).
    /// It calls <paramref name="onEvent"/> for each announcement and, after every (re)connection, once per pool
    /// that <paramref name="watchedPools"/> names (by <see cref="PoolKeys"/>), with the pool's latest sequence.
    /// </summary>
    internal PostgresEventListener? CreateEventListener(
        Func<IReadOnlyCollection<string>> watchedPools, Action<string, long> onEvent, ILoggerFactory? loggerFactory)
    {
        return _dialect is PostgresDialect postgres
            ? new PostgresEventListener(postgres.ConnectionString, watchedPools, onEvent, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgresEventListener>())
            : null;
    }
}
