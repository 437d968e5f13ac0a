using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// What differs between database engines. The repositories' SQL is shared where the
/// engines agree (RETURNING, ON CONFLICT, partial indexes); everything else lives here.
/// </summary>
internal interface ISqlDialect : IDisposable
{
    /// <summary>The folder under <c>Migrations/</c> holding this engine's scripts.</summary>
    string MigrationFolder { get; }

    /// <summary>
    /// Whether every write of the database goes through this process, one transaction at a time (SQLite). Such an engine
    /// gains from group commit: the single writer applies several queued operations in one transaction.
    /// </summary>
    bool SerializesWriters { get; }

    /// <summary>
    /// Whether a WITH clause may hold INSERT, UPDATE or DELETE (PostgreSQL), so that statements that depend on one
    /// another run as one statement and one round trip. SQLite allows only SELECT there.
    /// </summary>
    bool HasWritableCommonTableExpressions { get; }

    /// <summary>
    /// Whether a LIMIT over a UNION ALL of index-ordered runs must be repeated on each run for the engine to stop reading
    /// at it (PostgreSQL's planner may otherwise read each run whole and sort it). SQLite merges the runs and stops by
    /// itself, and a limit on each costs it a sort.
    /// </summary>
    bool LimitsEachUnionRun { get; }

    /// <summary>One-time set-up before migrations (e.g. the journal mode).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection ready for reads.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection inside a write transaction; the lease serializes writers where the engine needs it.</summary>
    Task<StorageSession> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>A transaction whose reads all see one snapshot.</summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// A read session: with <paramref name="snapshot"/>, inside a transaction whose reads all see one snapshot; without,
    /// each statement sees the latest commit. By default on a connection of its own (<see cref="OpenAsync"/>).
    /// </summary>
    async Task<StorageSession> OpenReadSessionAsync(bool snapshot, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = snapshot ? await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false) : null;
            return new StorageSession(connection, transaction, writerLease: null);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The write transaction that applies migrations. Where several servers share the database it also takes
    /// a lock held to the commit, so replicas starting at once migrate one after the other.
    /// </summary>
    Task<StorageSession> BeginMigrationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inside the migration transaction, after the scripts ran: fails when they left the schema inconsistent (SQLite
    /// migrates with foreign keys off, so it checks them here).
    /// </summary>
    Task VerifyMigrationAsync(StorageSession session, CancellationToken cancellationToken);

    /// <summary>Whether an exception is a unique-constraint violation.</summary>
    bool IsUniqueViolation(DbException exception);

    /// <summary>Whether the engine aborted the transaction for a reason that a rerun can clear (serialization failure, deadlock).</summary>
    bool IsTransientFailure(Exception exception);

    /// <summary>
    /// Inside a write transaction: tells other servers, once it commits, that the pool (<see cref="PoolKeys"/>) has events up to
    /// <paramref name="sequence"/>. A no-op where every writer is in this process.
    /// </summary>
    Task NotifyEventsAsync(StorageSession session, string poolKey, long sequence, CancellationToken cancellationToken);

    /// <summary>
    /// How bulk statements read many rows from one parameter holding a JSON array of arrays: each engine's JSON table
    /// function, in array order. One parameter per statement, however many rows: binding hundreds of named parameters
    /// costs SQLite a linear name search each.
    /// </summary>
    JsonRowSyntax Json { get; }
}
