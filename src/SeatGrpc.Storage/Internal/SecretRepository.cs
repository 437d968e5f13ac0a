using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>Server-wide secrets shared by every replica (e.g. the page-token key).</summary>
internal sealed class SecretRepository
{
    private const string InsertIfMissing = """
        INSERT INTO secrets (name, value) VALUES (@Name, @Value)
        ON CONFLICT (name) DO NOTHING
        """;

    private const string SelectValue = """
        SELECT value FROM secrets WHERE name = @Name
        """;

    private const string InsertIfMissingReturning = """
        INSERT INTO secrets (name, value) VALUES (@Name, @Value)
        ON CONFLICT (name) DO NOTHING
        RETURNING name
        """;

    /// <summary>
    /// Stores the value unless the name exists; true when this call stored it. On PostgreSQL a concurrent transaction
    /// storing the same name makes this wait for its end, so exactly one of them gets true.
    /// </summary>
    public async Task<bool> TryAddAsync(StorageSession session, string name, byte[] value, CancellationToken cancellationToken)
    {
        var stored = await session.Connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(InsertIfMissingReturning, new { Name = name, Value = value }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return stored is not null;
    }

    /// <summary>Stores <paramref name="candidate"/> unless a value exists, and returns the stored value.</summary>
    public async Task<byte[]> GetOrCreateAsync(StorageSession session, string name, byte[] candidate, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(
            new CommandDefinition(InsertIfMissing, new { Name = name, Value = candidate }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return await session.Connection.QuerySingleAsync<byte[]>(
            new CommandDefinition(SelectValue, new { Name = name }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }
}
