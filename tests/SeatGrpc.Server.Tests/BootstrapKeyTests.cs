using System.Text.RegularExpressions;

namespace SeatGrpc.Server.Tests;

/// <summary>The first start's admin key, --bootstrap-key, and what the server says (and never says) about keys.</summary>
public sealed partial class BootstrapKeyTests
{
    private static readonly Dictionary<string, string> NoBootstrapKey = new() { [TestKeys.BootstrapVariable] = string.Empty };

    [Fact]
    public async Task FirstStartWithoutKey_PrintsOneAdminKeyOnceAndItWorks()
    {
        using var database = new TempDatabase();
        string key;
        await using (var first = await SeatServerProcess.StartAsync(Arguments(database), NoBootstrapKey))
        {
            var line = Assert.Single(first.Output, l => l.StartsWith("seatgrpc bootstrap", StringComparison.Ordinal));
            var match = BootstrapLine().Match(line);
            Assert.True(match.Success, line);
            key = match.Groups[1].Value;
            Assert.Single(first.Output, l => l.Contains(key, StringComparison.Ordinal));
            using var channel = TestKeys.Channel(first.GrpcUri, key);
            var created = await new SeatService.SeatServiceClient(channel)
                .UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/boot", TotalSeats = 1 } }).ResponseAsync.WithTimeout();
            Assert.Equal(1, created.Pool.TotalSeats);
        }

        await using var second = await SeatServerProcess.StartAsync(Arguments(database), NoBootstrapKey);

        Assert.DoesNotContain(second.Output, l => l.Contains("bootstrap", StringComparison.Ordinal));
        using var again = TestKeys.Channel(second.GrpcUri, key);
        var pool = await new SeatService.SeatServiceClient(again).GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/boot" }).ResponseAsync.WithTimeout();
        Assert.Equal("subscriptions/boot", pool.Pool.Name);
    }

    [Fact]
    public async Task BootstrapKeyFlag_IsTheAdminKeyAndNothingIsPrinted()
    {
        using var database = new TempDatabase();
        const string operatorKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        await using var server = await SeatServerProcess.StartAsync([.. Arguments(database), "--bootstrap-key", operatorKey], NoBootstrapKey);
        using var channel = TestKeys.Channel(server.GrpcUri, operatorKey);
        var keys = await new ApiKeyService.ApiKeyServiceClient(channel).ListApiKeysAsync(new ListApiKeysRequest()).ResponseAsync.WithTimeout();

        Assert.DoesNotContain(server.Output, l => l.Contains("bootstrap", StringComparison.Ordinal) || l.Contains(operatorKey, StringComparison.Ordinal));
        var only = Assert.Single(keys.ApiKeys);
        Assert.Equal(("default", "seats:admin"), (only.Tenant, Assert.Single(only.Scopes)));
    }

    [Fact]
    public async Task RefusedKey_LoggedWithItsIdNeverItsSecret()
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        const string wrong = "sk_wrongkeyidxy_" + "ThisSecretMustNeverAppearInAnyLogLine000000";
        using var channel = TestKeys.Channel(server.GrpcUri, wrong);

        await RpcStatusAssert.FailsAsync(
            () => new SeatService.SeatServiceClient(channel).GetSeatPoolAsync(new GetSeatPoolRequest { Name = "orders/x" }).ResponseAsync,
            StatusCode.Unauthenticated,
            "API_KEY_INVALID");
        var logged = await server.WaitForLineAsync(l => l.Contains("refused", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Contains("wrongkeyidxy", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Output, l => l.Contains("ThisSecretMustNeverAppear", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Output, l => l.Contains(TestKeys.Admin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReflectionRequiresKeyTrue_ReflectionRefusesCallsWithoutAKey()
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync([.. Arguments(database), "--reflection-requires-key", "true"]);
        using var anonymous = Grpc.Net.Client.GrpcChannel.ForAddress(server.GrpcUri);
        using var keyed = TestKeys.Channel(server.GrpcUri);

        await RpcStatusAssert.FailsAsync(() => ListServicesAsync(anonymous), StatusCode.Unauthenticated, "API_KEY_MISSING");
        var services = await ListServicesAsync(keyed);

        Assert.Contains("seats.v1.SeatService", services);
    }

    [Fact]
    public async Task Version1Database_ServedUnderTheDefaultTenantToItsAdminKey()
    {
        using var database = new TempDatabase();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seats-v1.db"), database.Path);

        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var seats = new SeatService.SeatServiceClient(channel);
        var pool = await seats.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/sub_v1" }).ResponseAsync.WithTimeout();
        var claimed = await seats.ListClaimedSubscriptionsAsync(new ListClaimedSubscriptionsRequest { Customer = "customers/cus_eve" }).ResponseAsync.WithTimeout();

        Assert.Contains(server.Output, l => l.Contains("Applied schema migration 2", StringComparison.Ordinal));
        Assert.Equal((3, 2), (pool.Pool.TotalSeats, pool.Pool.OccupiedSeats));
        Assert.Equal(["subscriptions/sub_v1"], claimed.ClaimedSubscriptions.Select(c => c.Pool.Name));
    }

    private static string[] Arguments(TempDatabase database) => ["--grpc-port", "0", "--rest-port", "0", "--sqlite", database.Path];

    private static async Task<List<string>> ListServicesAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        using var call = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = string.Empty }).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }

    [GeneratedRegex("^seatgrpc bootstrap key=(sk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}) tenant=default scopes=seats:admin$")]
    private static partial Regex BootstrapLine();
}
