using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Domain;
using SeatGrpc.Server.Hosting;
using SeatGrpc.Storage;

namespace SeatGrpc.Service.Tests.Auth;

/// <summary>
/// The real host with keys of every kind (made through ApiKeyService, and for another tenant through the key
/// directory on the same database, as the keys command does) and, in the tenant "default", a pool with a pending
/// seat, its invitation token and a claimed seat: what the authentication and isolation tests call with.
/// </summary>
public sealed class AuthServer : SeatServerFixture, IAsyncLifetime
{
    /// <summary>The other tenant, whose admin key sees none of the default tenant's data.</summary>
    public const string OtherTenant = "acme";

    private static readonly TimeSpan ExpiringKeyLifetime = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private DateTimeOffset _expiry;

    public string ReadKey { get; private set; } = string.Empty;

    public string WriteKey { get; private set; } = string.Empty;

    /// <summary>An admin key that has expired once <see cref="WaitForExpiryAsync"/> returns.</summary>
    public string ExpiredKey { get; private set; } = string.Empty;

    /// <summary>An admin key revoked through ApiKeyService.</summary>
    public string RevokedKey { get; private set; } = string.Empty;

    /// <summary>A key of the right shape that the server never issued.</summary>
    public string UnknownKey { get; } = "sk_aaaaaaaaaaaa_" + new string('Q', 43);

    /// <summary>An admin key of <see cref="OtherTenant"/>.</summary>
    public string OtherTenantKey { get; private set; } = string.Empty;

    /// <summary>The resource name of <see cref="ReadKey"/>, <c>apiKeys/{id}</c>.</summary>
    public string ReadKeyName { get; private set; } = string.Empty;

    /// <summary>A pool of the default tenant with a pending seat (<see cref="PendingSeat"/>) and a claimed one.</summary>
    public string Pool { get; private set; } = string.Empty;

    public string PendingSeat { get; private set; } = string.Empty;

    public string PendingToken { get; private set; } = string.Empty;

    /// <summary>The customer id of the claimed seat in <see cref="Pool"/>.</summary>
    public string ClaimedCustomer { get; } = "cus_claimer";

    /// <summary>The request id of the AssignSeat that made <see cref="PendingSeat"/>.</summary>
    public string AssignRequestId { get; } = Guid.NewGuid().ToString("D");

    public ApiKeyService.ApiKeyServiceClient AdminKeys => new(Channel);

    /// <summary>A channel whose calls send <paramref name="key"/>; no key at all for null.</summary>
    public GrpcChannel ChannelFor(string? key)
    {
        lock (_channels)
        {
            var name = key ?? string.Empty;
            if (!_channels.TryGetValue(name, out var channel))
            {
                channel = key is null ? GrpcChannel.ForAddress(GrpcUri) : TestKeys.Channel(GrpcUri, key);
                _channels.Add(name, channel);
            }

            return channel;
        }
    }

    public SeatService.SeatServiceClient SeatsFor(string? key) => new(ChannelFor(key));

    public ApiKeyService.ApiKeyServiceClient KeysFor(string? key) => new(ChannelFor(key));

    /// <summary>Returns once <see cref="ExpiredKey"/> is past its expiry.</summary>
    public Task WaitForExpiryAsync()
    {
        var left = _expiry - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ReadKey = await CreateKeyAsync(ApiKeyScopes.Read);
        WriteKey = await CreateKeyAsync(ApiKeyScopes.Write);
        _expiry = DateTimeOffset.UtcNow + ExpiringKeyLifetime;
        ExpiredKey = await CreateKeyAsync(ApiKeyScopes.Admin, _expiry);
        RevokedKey = await CreateKeyAsync(ApiKeyScopes.Admin);
        ReadKeyName = "apiKeys/" + ReadKey.Split('_')[1];
        await AdminKeys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "apiKeys/" + RevokedKey.Split('_')[1] }).ResponseAsync.WithTimeout();
        OtherTenantKey = await CreateOtherTenantKeyAsync(ApiKeyScopes.Admin);

        Pool = await CreatePoolAsync(3, "auth");
        var pending = await Client.AssignSeatAsync(Seeds.Assign(Pool, Seeds.Email("pending"), requestId: AssignRequestId)).ResponseAsync.WithTimeout();
        (PendingSeat, PendingToken) = (pending.Seat.Name, pending.InvitationToken);
        await Client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, CustomerId = ClaimedCustomer, ImmediateClaim = true }).ResponseAsync.WithTimeout();
    }

    public new async Task DisposeAsync()
    {
        lock (_channels)
        {
            foreach (var channel in _channels.Values)
            {
                channel.Dispose();
            }

            _channels.Clear();
        }

        await base.DisposeAsync();
    }

    protected override WebApplication Build(string[] args) => SeatGrpcApp.Build(args);

    protected override Uri GetGrpcUri(WebApplication app) => app.Services.GetRequiredService<ListeningPorts>().GrpcUri;

    protected override Uri GetRestUri(WebApplication app) => app.Services.GetRequiredService<ListeningPorts>().RestUri;

    /// <summary>A key of the default tenant, made through ApiKeyService with the admin key.</summary>
    public async Task<string> CreateKeyAsync(string scope, DateTimeOffset? expiry = null)
    {
        var key = new Seats.V1.ApiKey { ExpireTime = expiry is { } at ? Timestamp.FromDateTimeOffset(at) : null };
        key.Scopes.Add(scope);
        var created = await AdminKeys.CreateApiKeyAsync(new CreateApiKeyRequest { ApiKey = key }).ResponseAsync.WithTimeout();
        return created.Key;
    }

    /// <summary>
    /// A key of <see cref="OtherTenant"/>, written to the server's database by a second process's worth of storage (as
    /// <c>seatgrpc keys create</c> would); the server's cache picks it up within its refresh interval.
    /// </summary>
    public async Task<string> CreateOtherTenantKeyAsync(string scope)
    {
        using var database = await SeatDatabase.OpenSqliteAsync(new SqliteStorageOptions(DatabasePath), null, CancellationToken.None).WithTimeout();
        var keys = await ApiKeyDirectory.CreateAsync(database, TimeProvider.System, CancellationToken.None).WithTimeout();
        var created = await keys.CreateKeyAsync(OtherTenant, [scope], null, null, CancellationToken.None).WithTimeout();
        await WaitUntilAcceptedAsync(created.Secret);
        return created.Secret;
    }

    private async Task WaitUntilAcceptedAsync(string key)
    {
        var client = KeysFor(key);
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10); ; await Task.Delay(100))
        {
            try
            {
                await client.ListApiKeysAsync(new ListApiKeysRequest()).ResponseAsync.WithTimeout();
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated && DateTime.UtcNow < deadline)
            {
                // Not in the cache yet: the next refresh brings it.
            }
        }
    }
}
