using Dapper;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Applies the missing migrations in one write transaction (under the dialect's migration lock) and records each version. A database
/// that is ahead of this binary is refused, naming both versions.
/// </summary>
internal sealed class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version      INTEGER NOT NULL PRIMARY KEY,
            name         TEXT    NOT NULL,
            applied_time BIGINT  NOT NULL
        )
        """;

    private const string SelectCurrentVersion = """
        SELECT COALESCE(MAX(version), 0) FROM schema_migrations
        """;

    private const string RecordVersion = """
        INSERT INTO schema_migrations (version, name, applied_time) VALUES (@Version, @Name, @AppliedTime)
        """;

    private readonly ISqlDialect _dialect;
    private readonly ILogger _logger;

    public SchemaMigrator(ISqlDialect dialect, ILogger logger)
    {
        _dialect = dialect;
        _logger = logger;
    }

    public async Task MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        await using var session = await _dialect.BeginMigrationAsync(cancellationToken).ConfigureAwait(false);
        await session.Connection.ExecuteAsync(
            new CommandDefinition(CreateVersionTable, transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var current = await session.Connection.ExecuteScalarAsync<long>(
            new CommandDefinition(SelectCurrentVersion, transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (current > known)
        {
            throw new SchemaVersionException(current, known);
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            await session.Connection.ExecuteAsync(
                new CommandDefinition(migration.Script, transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var record = new { migration.Version, migration.Name, AppliedTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 };
            await session.Connection.ExecuteAsync(
                new CommandDefinition(RecordVersion, record, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            StorageLog.MigrationApplied(_logger, migration.Version, migration.Name);
        }

        await _dialect.VerifyMigrationAsync(session, cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        var version = Math.Max(current, known);
        StorageLog.SchemaReady(_logger, version);
    }
}
