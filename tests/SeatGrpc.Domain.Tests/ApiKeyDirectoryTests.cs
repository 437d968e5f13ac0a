using System.Text;
using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

/// <summary>Keys in storage: only hashes kept, per-tenant lists and revocation, the version a cache polls, bootstrap.</summary>
public abstract class ApiKeyDirectoryTests<TProvider> : StorageTestBase<TProvider>
    where TProvider : IStorageProvider, new()
{
    private ApiKeyDirectory Keys { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Keys = await ApiKeyDirectory.CreateAsync(Database, Time, Ct).Within();
    }

    [StorageFact]
    public async Task CreateKey_StoresOnlyTheHashAndAnswersTheSecretOnce()
    {
        var created = await Keys.CreateKeyAsync("acme", ["seats:write", "seats:read", "seats:write"], null, null, Ct).Within();

        Assert.Matches("^sk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$", created.Secret);
        Assert.StartsWith($"sk_{created.Key.KeyId}_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(["seats:read", "seats:write"], created.Key.Scopes);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM api_keys WHERE scopes LIKE @Secret OR key_id = @Secret", new { created.Secret }));
        var stored = (await Keys.LoadAllAsync(Ct).Within()).Keys.Single();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret)), stored.Hash.ToArray());
    }

    [StorageFact]
    public async Task CreateKey_BadScopeTenantOrExpiry_IsInvalidArgument()
    {
        await ThrowsKindAsync(SeatErrorKind.InvalidArgument, () => Keys.CreateKeyAsync("acme", ["seats:delete"], null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidArgument, () => Keys.CreateKeyAsync("acme", [], null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidArgument, () => Keys.CreateKeyAsync("a b", ["seats:read"], null, null, Ct));
        await ThrowsKindAsync(SeatErrorKind.InvalidArgument, () => Keys.CreateKeyAsync("acme", ["seats:read"], Time.GetUtcNow(), null, Ct));
    }

    [StorageFact]
    public async Task ListAndRevoke_AreScopedToTheTenant()
    {
        var mine = await Keys.CreateKeyAsync("acme", ["seats:read"], null, null, Ct).Within();
        var theirs = await Keys.CreateKeyAsync("globex", ["seats:admin"], null, null, Ct).Within();

        var acme = await Keys.ListAsync("acme", 0, null, Ct).Within();
        var all = await Keys.ListAsync(null, 0, null, Ct).Within();
        await ThrowsKindAsync(SeatErrorKind.ApiKeyNotFound, () => Keys.RevokeAsync("acme", theirs.Key.KeyId, Ct));
        var revoked = await Keys.RevokeAsync("acme", mine.Key.KeyId, Ct).Within();
        var again = await Keys.RevokeAsync(null, mine.Key.KeyId, Ct).Within();

        Assert.Equal([mine.Key.KeyId], acme.Keys.Select(k => k.KeyId));
        Assert.Equal([mine.Key.KeyId, theirs.Key.KeyId], all.Keys.Select(k => k.KeyId));
        Assert.Equal(Time.GetUtcNow(), revoked.RevokeTime);
        Assert.Equal(revoked, again with { Scopes = revoked.Scopes });
        Assert.Null((await Keys.LoadAllAsync(Ct).Within()).Keys.Single(k => k.Key.KeyId == theirs.Key.KeyId).Key.RevokeTime);
    }

    [StorageFact]
    public async Task Version_MovesWithEveryCreateAndRevoke()
    {
        var start = await Keys.ReadVersionAsync(Ct).Within();
        var created = await Keys.CreateKeyAsync("acme", ["seats:read"], null, null, Ct).Within();
        var afterCreate = await Keys.ReadVersionAsync(Ct).Within();
        await Keys.RevokeAsync(null, created.Key.KeyId, Ct).Within();
        await Keys.RevokeAsync(null, created.Key.KeyId, Ct).Within();

        Assert.True(afterCreate > start);
        Assert.Equal(afterCreate + 1, await Keys.ReadVersionAsync(Ct).Within());
        Assert.Equal(afterCreate + 1, (await Keys.LoadAllAsync(Ct).Within()).Version);
    }

    [StorageFact]
    public async Task Bootstrap_EmptyDatabase_CreatesOneAdminKeyOfTheDefaultTenantOnce()
    {
        var first = await Keys.BootstrapAsync(null, Ct).Within();
        var second = await Keys.BootstrapAsync(null, Ct).Within();

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(Caller.DefaultTenant, first.Key.Tenant);
        Assert.Equal(["seats:admin"], first.Key.Scopes);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM api_keys"));
    }

    [StorageFact]
    public async Task Bootstrap_WithOperatorKey_StoresItOnceAndNeverPrintsOne()
    {
        const string operatorKey = "my-own-bootstrap-key-0123456789abcdef";

        var first = await Keys.BootstrapAsync(operatorKey, Ct).Within();
        var second = await Keys.BootstrapAsync(operatorKey, Ct).Within();
        var later = await Keys.BootstrapAsync(null, Ct).Within();

        Assert.Null(first ?? second ?? later);
        var stored = (await Keys.LoadAllAsync(Ct).Within()).Keys.Single();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(operatorKey)), stored.Hash.ToArray());
        Assert.Equal(["seats:admin"], stored.Key.Scopes);
    }

    [StorageFact]
    public async Task Bootstrap_DatabaseWithKeysAlready_CreatesNone()
    {
        await Keys.CreateKeyAsync("acme", ["seats:read"], null, null, Ct).Within();

        Assert.Null(await Keys.BootstrapAsync(null, Ct).Within());
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM api_keys"));
    }
}

public sealed class SqliteApiKeyDirectoryTests : ApiKeyDirectoryTests<SqliteStorageProvider>;

public sealed class PostgresApiKeyDirectoryTests : ApiKeyDirectoryTests<PostgresStorageProvider>;
