using System.Text.RegularExpressions;

namespace SeatGrpc.Server.Tests;

/// <summary><c>seatgrpc keys create|list|revoke</c>, the built server binary run as a command against a database file.</summary>
public sealed partial class KeysCommandTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>SPEC.md section 7 and the README promise: a revoked key is refused everywhere within this.</summary>
    private static readonly TimeSpan RevocationBound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Create_PrintsOnlyTheKeyOnStdoutAndTheKeyWorksForItsTenant()
    {
        using var database = new TempDatabase();

        var (exitCode, stdout, stderr) = await KeysAsync(database, "create", "--tenant", "acme", "--scopes", "seats:read,seats:write", "--expires", "30d");

        Assert.True(exitCode == 0, stderr);
        var key = stdout.TrimEnd('\n');
        Assert.Matches(KeyLine(), key);
        Assert.DoesNotContain('\n', key);
        Assert.Contains($"Created key {key.Split('_')[1]} for tenant acme with seats:read,seats:write, expiring ", stderr, StringComparison.Ordinal);
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri, key);
        var seats = new SeatService.SeatServiceClient(channel);
        await RpcStatusAssert.FailsAsync(() => seats.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/x" }).ResponseAsync, StatusCode.NotFound, "POOL_NOT_FOUND");
        await RpcStatusAssert.FailsAsync(
            () => seats.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/x", TotalSeats = 1 } }).ResponseAsync,
            StatusCode.PermissionDenied,
            "SCOPE_MISSING");
    }

    [Fact]
    public async Task List_ShowsEveryKeyOrOneTenantsAndNoSecret()
    {
        using var database = new TempDatabase();
        var (_, acme, _) = await KeysAsync(database, "create", "--tenant", "acme", "--scopes", "seats:admin");
        var (_, globex, _) = await KeysAsync(database, "create", "--tenant", "globex", "--scopes", "seats:read");

        var (exitCode, all, _) = await KeysAsync(database, "list");
        var (_, onlyAcme, _) = await KeysAsync(database, "list", "--tenant", "acme");

        Assert.Equal(0, exitCode);
        Assert.Contains(Id(acme), all, StringComparison.Ordinal);
        Assert.Contains(Id(globex), all, StringComparison.Ordinal);
        Assert.Matches($@"{Id(globex)}\s+globex\s+seats:read\s+\S+\s+never\s+active", all);
        Assert.Contains(Id(acme), onlyAcme, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(globex), onlyAcme, StringComparison.Ordinal);
        Assert.DoesNotContain(acme.Trim(), all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ARunningServerRefusesTheKeyWithinTheBound()
    {
        using var database = new TempDatabase();
        var (_, key, _) = await KeysAsync(database, "create", "--tenant", "acme", "--scopes", "seats:read");
        key = key.Trim();
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri, key);
        var seats = new SeatService.SeatServiceClient(channel);
        await RpcStatusAssert.FailsAsync(() => seats.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "orders/x" }).ResponseAsync, StatusCode.NotFound);

        var (exitCode, stdout, stderr) = await KeysAsync(database, "revoke", Id(key));
        var revokedAt = DateTime.UtcNow;
        var refused = await RefusedWithinAsync(seats, RevocationBound);
        var (_, list, _) = await KeysAsync(database, "list");

        Assert.Equal(0, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"Revoked key {Id(key)} of tenant acme", stderr, StringComparison.Ordinal);
        Assert.True(refused, $"still accepted {DateTime.UtcNow - revokedAt} after the revocation");
        Assert.Matches($@"{Id(key)}\s+acme\s+.*revoked ", list);
    }

    [Theory]
    [InlineData(new[] { "create", "--tenant", "acme" }, 2, "keys create needs --tenant and --scopes.")]
    [InlineData(new[] { "create", "--tenant", "acme", "--scopes", "seats:delete" }, 2, "Unknown scope 'seats:delete'")]
    [InlineData(new[] { "create", "--tenant", "a b", "--scopes", "seats:read" }, 2, "A tenant id has 1 to 63 characters")]
    [InlineData(new[] { "create", "--tenant", "acme", "--scopes", "seats:read", "--expires", "soon" }, 2, "Invalid --expires 'soon'")]
    [InlineData(new[] { "revoke" }, 2, "keys revoke needs the KEY_ID")]
    [InlineData(new[] { "revoke", "nosuchkey123" }, 1, "The API key does not exist.")]
    [InlineData(new[] { "rotate" }, 2, "Unknown keys command 'rotate'.")]
    public async Task BadCommand_ExitCodeAndTheProblemOnStderrNothingOnStdout(string[] args, int expectedExit, string message)
    {
        using var database = new TempDatabase();

        var (exitCode, stdout, stderr) = await KeysAsync(database, args);

        Assert.Equal(expectedExit, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseFromTheEnvironment_SameSettingsAsTheServer()
    {
        using var database = new TempDatabase();
        var environment = new Dictionary<string, string> { ["SEATGRPC_SQLITE"] = database.Path };

        var (exitCode, key, _) = await SeatServerProcess.RunCommandAsync(["keys", "create", "--tenant", "env", "--scopes", "seats:read"], CommandTimeout, environment);
        var (_, list, _) = await KeysAsync(database, "list", "--tenant", "env");

        Assert.Equal(0, exitCode);
        Assert.Contains(Id(key), list, StringComparison.Ordinal);
    }

    internal static Task<(int ExitCode, string Stdout, string Stderr)> KeysAsync(TempDatabase database, params string[] args) =>
        SeatServerProcess.RunCommandAsync(["keys", .. args, "--sqlite", database.Path], CommandTimeout);

    private static string Id(string key) => key.Trim().Split('_')[1];

    private static async Task<bool> RefusedWithinAsync(SeatService.SeatServiceClient seats, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await seats.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "orders/x" }).ResponseAsync.WithTimeout();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                Assert.Equal("API_KEY_REVOKED", e.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }

    [GeneratedRegex("^sk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyLine();
}
