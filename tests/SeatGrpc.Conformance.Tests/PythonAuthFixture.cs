using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Domain;
using SeatGrpc.Server.Hosting;
using SeatGrpc.Storage;
using SeatGrpc.Testing;
using Seats.V1;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// The real host with keys of every kind and, in the tenant "default", a pool with a pending seat and a claimed one,
/// written to a JSON file for seats_auth_client.py (python3-grpcio) to call with.
/// </summary>
public sealed class PythonAuthFixture : IAsyncLifetime
{
    private const string OtherTenant = "acme";

    private readonly string _directory = Directory.CreateTempSubdirectory("seatgrpc-python-auth-").FullName;
    private WebApplication? _app;
    private DateTimeOffset _expiry;

    /// <summary>Gets the target as grpcio wants it: <c>127.0.0.1:PORT</c>.</summary>
    public string Target { get; private set; } = string.Empty;

    /// <summary>Gets the JSON file of keys and names that the Python client reads.</summary>
    public string SetupFile => Path.Combine(_directory, "setup.json");

    private string DatabasePath => Path.Combine(_directory, "seats.db");

    public Task WaitForExpiryAsync()
    {
        var left = _expiry - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }

    public async Task InitializeAsync()
    {
        _app = SeatGrpcApp.Build(["--grpc-port", "0", "--rest-port", "0", "--sqlite", DatabasePath, "--bootstrap-key", TestKeys.Admin]);
        await _app.StartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        var grpcUri = _app.Services.GetRequiredService<ListeningPorts>().GrpcUri;
        Target = grpcUri.Authority;
        using var channel = TestKeys.Channel(grpcUri);
        var keys = new ApiKeyService.ApiKeyServiceClient(channel);
        var seats = new SeatService.SeatServiceClient(channel);

        var read = await CreateKeyAsync(keys, "seats:read");
        var write = await CreateKeyAsync(keys, "seats:write");
        _expiry = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        var expired = await CreateKeyAsync(keys, "seats:admin", _expiry);
        var revoked = await CreateKeyAsync(keys, "seats:admin");
        await keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "apiKeys/" + revoked.Split('_')[1] }).ResponseAsync.WithTimeout();
        var other = await CreateOtherTenantKeyAsync(grpcUri);

        const string pool = "subscriptions/python-auth";
        const string secondPool = "orders/python-auth";
        await seats.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 3 } }).ResponseAsync.WithTimeout();
        await seats.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = secondPool, TotalSeats = 4 } }).ResponseAsync.WithTimeout();
        var pending = await seats.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "pending@example.com" }).ResponseAsync.WithTimeout();
        await seats.AssignSeatAsync(new AssignSeatRequest { Parent = pool, CustomerId = "cus_python", ImmediateClaim = true }).ResponseAsync.WithTimeout();

        var setup = new Dictionary<string, object>
        {
            ["admin"] = TestKeys.Admin,
            ["read"] = read,
            ["read_key_name"] = "apiKeys/" + read.Split('_')[1],
            ["write"] = write,
            ["expired"] = expired,
            ["revoked"] = revoked,
            ["unknown"] = "sk_aaaaaaaaaaaa_" + new string('Q', 43),
            ["other_tenant"] = other,
            ["other_tenant_name"] = OtherTenant,
            ["pool"] = pool,
            ["second_pool"] = secondPool,
            ["second_pool_seats"] = 4,
            ["pending_seat"] = pending.Seat.Name,
            ["pending_token"] = pending.InvitationToken,
            ["claimed_customer"] = "cus_python",
        };
        await File.WriteAllTextAsync(SetupFile, JsonSerializer.Serialize(setup));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token).WithTimeout();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the temp cleaner.
        }
    }

    private static async Task<string> CreateKeyAsync(ApiKeyService.ApiKeyServiceClient keys, string scope, DateTimeOffset? expiry = null)
    {
        var key = new Seats.V1.ApiKey { Scopes = { scope }, ExpireTime = expiry is { } at ? Timestamp.FromDateTimeOffset(at) : null };
        return (await keys.CreateApiKeyAsync(new CreateApiKeyRequest { ApiKey = key }).ResponseAsync.WithTimeout()).Key;
    }

    // As `seatgrpc keys create --tenant acme` would: straight into the database; the server's cache takes it within a second.
    private async Task<string> CreateOtherTenantKeyAsync(Uri grpcUri)
    {
        using var database = await SeatDatabase.OpenSqliteAsync(new SqliteStorageOptions(DatabasePath), null, CancellationToken.None).WithTimeout();
        var directory = await ApiKeyDirectory.CreateAsync(database, TimeProvider.System, CancellationToken.None).WithTimeout();
        var created = await directory.CreateKeyAsync(OtherTenant, ["seats:admin"], null, null, CancellationToken.None).WithTimeout();
        using var channel = TestKeys.Channel(grpcUri, created.Secret);
        var keys = new ApiKeyService.ApiKeyServiceClient(channel);
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10); ; await Task.Delay(100))
        {
            try
            {
                await keys.ListApiKeysAsync(new ListApiKeysRequest()).ResponseAsync.WithTimeout();
                return created.Secret;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Unauthenticated && DateTime.UtcNow < deadline)
            {
                // Not in the cache yet.
            }
        }
    }
}
