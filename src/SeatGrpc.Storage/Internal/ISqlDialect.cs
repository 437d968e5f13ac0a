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

    /// <summary>One-time set-up before migrations (e.g. the journal mode).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection ready for reads.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection inside a write transaction; the lease serializes writers where the engine needs it.</summary>
    Task<StorageSession> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>A transaction whose reads all see one snapshot.</summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Whether an exception is a unique-constraint violation.</summary>
    bool IsUniqueViolation(DbException exception);
}
