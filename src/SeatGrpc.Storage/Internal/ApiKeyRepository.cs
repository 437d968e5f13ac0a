using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The api_keys table and its version row. Every change bumps <c>api_keys_version</c> in the same transaction, so a
/// server polling that one row knows when to reload its key cache. Keys are few and read in full by the cache; the
/// management lists page by internal id.
/// </summary>
internal sealed class ApiKeyRepository
{
    private const string Columns = "id, key_id, tenant, key_hash, scopes, create_time, expire_time, revoke_time, created_by";

    private const string InsertKey = """
        INSERT INTO api_keys (key_id, tenant, key_hash, scopes, create_time, expire_time, created_by)
        VALUES (@KeyId, @Tenant, @KeyHash, @Scopes, @CreateTime, @ExpireTime, @CreatedBy)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private const string BumpVersion = """
        UPDATE api_keys_version SET version = version + 1 WHERE id = 1
        """;

    private const string SelectVersion = """
        SELECT version FROM api_keys_version WHERE id = 1
        """;

    private const string CountKeys = """
        SELECT COUNT(*) FROM api_keys
        """;

    private const string SelectAll = $"""
        SELECT {Columns} FROM api_keys
        """;

    private const string SelectPageOfTenant = $"""
        SELECT {Columns} FROM api_keys
        WHERE tenant = @Tenant AND id > @AfterId
        ORDER BY id
        LIMIT @Limit
        """;

    private const string SelectPageOfAllTenants = $"""
        SELECT {Columns} FROM api_keys
        WHERE id > @AfterId
        ORDER BY id
        LIMIT @Limit
        """;

    private const string SelectByKeyId = $"""
        SELECT {Columns} FROM api_keys WHERE key_id = @KeyId
        """;

    private const string SelectByHash = $"""
        SELECT {Columns} FROM api_keys WHERE key_hash = @KeyHash
        """;

    private const string RevokeActiveKey = """
        UPDATE api_keys SET revoke_time = @Now WHERE id = @Id AND revoke_time IS NULL
        """;

    /// <summary>Inserts a key and bumps the version; false (nothing written) when its id or hash is taken.</summary>
    public async Task<bool> TryInsertAsync(StorageSession session, ApiKeyRow row, CancellationToken cancellationToken)
    {
        var id = await session.Connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(InsertKey, row, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (id is null)
        {
            return false;
        }

        await BumpVersionAsync(session, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Marks an active key revoked and bumps the version; false when it was revoked already.</summary>
    public async Task<bool> RevokeAsync(StorageSession session, long id, long now, CancellationToken cancellationToken)
    {
        var changed = await session.Connection.ExecuteAsync(
            new CommandDefinition(RevokeActiveKey, new { Id = id, Now = now }, session.Transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (changed == 0)
        {
            return false;
        }

        await BumpVersionAsync(session, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The number that every change to the keys moves; cheap enough to poll every second.</summary>
    public Task<long> ReadVersionAsync(StorageSession session, CancellationToken cancellationToken) =>
        session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectVersion, transaction: session.Transaction, cancellationToken: cancellationToken));

    public Task<long> CountAsync(StorageSession session, CancellationToken cancellationToken) =>
        session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(CountKeys, transaction: session.Transaction, cancellationToken: cancellationToken));

    /// <summary>Every key, revoked and expired ones included (the cache tells those apart from unknown keys).</summary>
    public async Task<IReadOnlyList<ApiKeyRow>> ReadAllAsync(StorageSession session, CancellationToken cancellationToken)
    {
        var rows = await session.Connection.QueryAsync<ApiKeyRow>(
            new CommandDefinition(SelectAll, transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Keys after <paramref name="afterId"/> in id order: the tenant's, or every tenant's when it is null.</summary>
    public async Task<IReadOnlyList<ApiKeyRow>> ListPageAsync(
        StorageSession session, string? tenant, long afterId, int limit, CancellationToken cancellationToken)
    {
        var command = tenant is null
            ? new CommandDefinition(SelectPageOfAllTenants, new { AfterId = afterId, Limit = limit }, session.Transaction, cancellationToken: cancellationToken)
            : new CommandDefinition(SelectPageOfTenant, new { Tenant = tenant, AfterId = afterId, Limit = limit }, session.Transaction, cancellationToken: cancellationToken);
        var rows = await session.Connection.QueryAsync<ApiKeyRow>(command).ConfigureAwait(false);
        return rows.AsList();
    }

    public Task<ApiKeyRow?> FindByKeyIdAsync(StorageSession session, string keyId, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<ApiKeyRow?>(
            new CommandDefinition(SelectByKeyId, new { KeyId = keyId }, session.Transaction, cancellationToken: cancellationToken));

    public Task<ApiKeyRow?> FindByHashAsync(StorageSession session, byte[] keyHash, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<ApiKeyRow?>(
            new CommandDefinition(SelectByHash, new { KeyHash = keyHash }, session.Transaction, cancellationToken: cancellationToken));

    private Task<int> BumpVersionAsync(StorageSession session, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(BumpVersion, transaction: session.Transaction, cancellationToken: cancellationToken));
}
