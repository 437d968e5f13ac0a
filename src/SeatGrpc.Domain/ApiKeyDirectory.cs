using SeatGrpc.Domain.Internal;
using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain;

/// <summary>
/// The API keys: create, list and revoke (per tenant, or across tenants for the command line), the first-start
/// bootstrap, and the reads an authentication cache polls. Only the SHA-256 of a key is stored; its secret is returned
/// once, by <see cref="CreateKeyAsync"/> or <see cref="BootstrapAsync"/>.
/// </summary>
public sealed class ApiKeyDirectory
{
    private const string BootstrapMarker = "api_keys_bootstrapped";

    private readonly SeatDatabase _database;
    private readonly TimeProvider _time;
    private readonly PageTokenCodec _pageTokens;

    private ApiKeyDirectory(SeatDatabase database, TimeProvider time, PageTokenCodec pageTokens)
    {
        _database = database;
        _time = time;
        _pageTokens = pageTokens;
    }

    public static async Task<ApiKeyDirectory> CreateAsync(SeatDatabase database, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var key = await SeatAllocator.LoadPageTokenKeyAsync(database, cancellationToken).ConfigureAwait(false);
        return new ApiKeyDirectory(database, timeProvider ?? TimeProvider.System, new PageTokenCodec(key));
    }

    /// <summary>Whether an operator's own key (--bootstrap-key) is acceptable: 32 to 512 printable ASCII characters, no spaces.</summary>
    public static bool IsAcceptableBootstrapKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ApiKeySecrets.IsAcceptable(key);
    }

    /// <summary>
    /// A new key for <paramref name="tenant"/>. Errors: InvalidArgument for a malformed tenant, no or unknown scopes, or
    /// an expiry that has passed.
    /// </summary>
    public async Task<CreatedApiKey> CreateKeyAsync(
        string tenant, IEnumerable<string> scopes, DateTimeOffset? expireTime, string? createdBy, CancellationToken cancellationToken)
    {
        if (!Caller.IsTenant(tenant))
        {
            throw new SeatDomainException(
                SeatErrorKind.InvalidArgument, "A tenant id has 1 to 63 characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'.");
        }

        var granted = ApiKeyScopes.Parse(scopes);
        var now = _time.GetUtcNow();
        if (expireTime is { } expiry && expiry <= now)
        {
            throw new SeatDomainException(SeatErrorKind.InvalidArgument, "The expiry time has already passed.");
        }

        var (keyId, secret) = ApiKeySecrets.NewKey();
        var row = NewRow(keyId, tenant, ApiKeySecrets.Hash(secret), granted, now, expireTime, createdBy);
        await using var session = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        if (!await _database.ApiKeys.TryInsertAsync(session, row, cancellationToken).ConfigureAwait(false))
        {
            // 60 random bits of id and 256 of secret: a clash means a broken random source, not bad luck.
            throw new InvalidOperationException("A new API key clashed with an existing one.");
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(ToKey(row), secret);
    }

    /// <summary>
    /// The keys of <paramref name="tenant"/> (of every tenant when null) in creation order, revoked ones included.
    /// Errors: InvalidPageToken.
    /// </summary>
    public async Task<ApiKeyPage> ListAsync(string? tenant, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var query = $"ListApiKeys\n{tenant ?? "*"}";
        var afterId = _pageTokens.Decode(pageToken, query);
        var size = pageSize <= 0 ? SeatReader.DefaultPageSize : Math.Min(pageSize, SeatReader.MaxPageSize);
        await using var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var rows = await _database.ApiKeys.ListPageAsync(session, tenant, afterId, size + 1, cancellationToken).ConfigureAwait(false);
        var keys = rows.Take(size).Select(ToKey).ToArray();
        var next = rows.Count > size ? _pageTokens.Encode(query, rows[size - 1].Id) : null;
        return new ApiKeyPage(keys, next);
    }

    /// <summary>
    /// Revokes the key: it stops working on this server at once and on every server within one cache refresh. Revoking
    /// a revoked key returns it unchanged. Errors: ApiKeyNotFound, also for another tenant's key when
    /// <paramref name="tenant"/> is given.
    /// </summary>
    public async Task<ApiKey> RevokeAsync(string? tenant, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await using var session = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var row = await _database.ApiKeys.FindByKeyIdAsync(session, keyId, cancellationToken).ConfigureAwait(false);
        if (row is null || (tenant is not null && !string.Equals(row.Tenant, tenant, StringComparison.Ordinal)))
        {
            throw new SeatDomainException(SeatErrorKind.ApiKeyNotFound, "The API key does not exist.");
        }

        var key = ToKey(row);
        if (key.IsRevoked)
        {
            return key;
        }

        var now = UnixMicros.From(_time.GetUtcNow());
        if (!await _database.ApiKeys.RevokeAsync(session, row.Id, now, cancellationToken).ConfigureAwait(false))
        {
            // Revoked in between by another replica (PostgreSQL): answer with the revocation that stands, not ours.
            var current = await _database.ApiKeys.FindByKeyIdAsync(session, keyId, cancellationToken).ConfigureAwait(false);
            return ToKey(current ?? row);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return key with { RevokeTime = UnixMicros.ToTime(now) };
    }

    /// <summary>A number that moves with every change to the keys: poll it, and reload when it moves.</summary>
    public async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await _database.ApiKeys.ReadVersionAsync(session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every key with its hash, revoked and expired ones included, and the version they were read at.</summary>
    public async Task<(long Version, IReadOnlyList<StoredApiKey> Keys)> LoadAllAsync(CancellationToken cancellationToken)
    {
        // One snapshot: the version read belongs to exactly these keys.
        await using var session = await _database.BeginSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var version = await _database.ApiKeys.ReadVersionAsync(session, cancellationToken).ConfigureAwait(false);
        var rows = await _database.ApiKeys.ReadAllAsync(session, cancellationToken).ConfigureAwait(false);
        return (version, rows.Select(static row => new StoredApiKey(ToKey(row), row.KeyHash)).ToArray());
    }

    /// <summary>
    /// First start. With <paramref name="operatorKey"/> (--bootstrap-key): stores it as an admin key of the tenant
    /// <see cref="Caller.DefaultTenant"/> unless it is stored already (a revoked one stays revoked), and returns null.
    /// Without: on the very first start of a database that holds no key at all, creates such a key and returns it (its
    /// secret is to be shown once); null on every later start. Replicas starting at once create one key between them.
    /// </summary>
    public async Task<CreatedApiKey?> BootstrapAsync(string? operatorKey, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var session = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var first = await _database.Secrets.TryAddAsync(session, BootstrapMarker, [1], cancellationToken).ConfigureAwait(false);
        CreatedApiKey? created = null;
        if (operatorKey is not null)
        {
            await StoreOperatorKeyAsync(session, operatorKey, now, cancellationToken).ConfigureAwait(false);
        }
        else if (first && await _database.ApiKeys.CountAsync(session, cancellationToken).ConfigureAwait(false) == 0)
        {
            var (keyId, secret) = ApiKeySecrets.NewKey();
            var row = NewRow(keyId, Caller.DefaultTenant, ApiKeySecrets.Hash(secret), [ApiKeyScopes.Admin], now, null, null);
            await _database.ApiKeys.TryInsertAsync(session, row, cancellationToken).ConfigureAwait(false);
            created = new CreatedApiKey(ToKey(row), secret);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    private async Task StoreOperatorKeyAsync(StorageSession session, string operatorKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.IsAcceptable(operatorKey))
        {
            throw new ArgumentException("A bootstrap key has 32 to 512 printable ASCII characters and no spaces.", nameof(operatorKey));
        }

        var hash = ApiKeySecrets.Hash(operatorKey);
        if (await _database.ApiKeys.FindByHashAsync(session, hash, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var row = NewRow(ApiKeyFormat.KeyIdOf(operatorKey, hash), Caller.DefaultTenant, hash, [ApiKeyScopes.Admin], now, null, null);
        if (!await _database.ApiKeys.TryInsertAsync(session, row, cancellationToken).ConfigureAwait(false)
            && await _database.ApiKeys.FindByHashAsync(session, hash, cancellationToken).ConfigureAwait(false) is null)
        {
            // Not a replica that stored the same key a moment ago (that is fine): another key has this id.
            throw new ArgumentException(
                $"The bootstrap key's id {row.KeyId} belongs to another key already; give another bootstrap key.", nameof(operatorKey));
        }
    }

    private static ApiKeyRow NewRow(
        string keyId, string tenant, byte[] hash, IReadOnlyList<string> scopes, DateTimeOffset now, DateTimeOffset? expireTime, string? createdBy) => new()
    {
        KeyId = keyId,
        Tenant = tenant,
        KeyHash = hash,
        Scopes = string.Join(' ', scopes),
        CreateTime = UnixMicros.From(now),
        ExpireTime = expireTime is { } expiry ? UnixMicros.From(expiry) : null,
        CreatedBy = createdBy,
    };

    private static ApiKey ToKey(ApiKeyRow row) => new(
        row.KeyId,
        row.Tenant,
        row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        UnixMicros.ToTime(row.CreateTime),
        UnixMicros.ToTime(row.ExpireTime),
        UnixMicros.ToTime(row.RevokeTime),
        row.CreatedBy);
}
