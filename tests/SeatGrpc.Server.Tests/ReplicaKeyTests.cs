using Npgsql;

namespace SeatGrpc.Server.Tests;

/// <summary>Two server processes on one PostgreSQL database: a key made or revoked on one counts on the other within the bound.</summary>
public sealed class ReplicaKeyTests
{
    /// <summary>The bound the README states: one poll of the keys' version (1 s) plus a reload, with room for a busy machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [RequiresToolFact(typeof(PostgresClusterProbe))]
    public async Task KeyRevokedOnOneReplica_RefusedByTheOtherWithinTheBound()
    {
        using var cluster = PostgresCluster.TryStart(out var problem) ?? throw new InvalidOperationException(problem);
        var connection = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Pooling = true }.ConnectionString;
        using var fileA = new TempDatabase();
        using var fileB = new TempDatabase();
        var starting = new[] { fileA, fileB }.Select(file =>
            SeatServerProcess.StartAsync(["--grpc-port", "0", "--rest-port", "0", "--sqlite", file.Path, "--postgres", connection])).ToArray();
        await using var replicaA = await starting[0];
        await using var replicaB = await starting[1];
        using var adminA = TestKeys.Channel(replicaA.GrpcUri);
        var created = await new ApiKeyService.ApiKeyServiceClient(adminA)
            .CreateApiKeyAsync(new CreateApiKeyRequest { ApiKey = new Seats.V1.ApiKey { Scopes = { "seats:read" } } }).ResponseAsync.WithTimeout();
        using var onB = TestKeys.Channel(replicaB.GrpcUri, created.Key);
        var seatsOnB = new SeatService.SeatServiceClient(onB);

        var acceptedOnB = await WithinBoundAsync(seatsOnB, expected: StatusCode.NotFound);
        await new ApiKeyService.ApiKeyServiceClient(adminA).RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name }).ResponseAsync.WithTimeout();
        var refusedOnB = await WithinBoundAsync(seatsOnB, expected: StatusCode.Unauthenticated);

        Assert.True(acceptedOnB, "a key created on replica A was not accepted by replica B within the bound");
        Assert.True(refusedOnB, "a key revoked on replica A was still accepted by replica B after the bound");
        using var onA = TestKeys.Channel(replicaA.GrpcUri, created.Key);
        await RpcStatusAssert.FailsAsync(
            () => new SeatService.SeatServiceClient(onA).GetSeatPoolAsync(new GetSeatPoolRequest { Name = "orders/any" }).ResponseAsync,
            StatusCode.Unauthenticated,
            "API_KEY_REVOKED");
    }

    [RequiresToolFact(typeof(PostgresClusterProbe))]
    public async Task OtherTenantsKeyFromTheKeysCommand_OnPostgres_SeesNothingOfTheDefaultTenant()
    {
        using var cluster = PostgresCluster.TryStart(out var problem) ?? throw new InvalidOperationException(problem);
        var connection = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Pooling = true }.ConnectionString;
        using var file = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(["--grpc-port", "0", "--rest-port", "0", "--sqlite", file.Path, "--postgres", connection]);
        using var admin = TestKeys.Channel(server.GrpcUri);
        var mine = new SeatService.SeatServiceClient(admin);
        await mine.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/pg", TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        var seat = await mine.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/pg", Email = "pg@example.com" }).ResponseAsync.WithTimeout();

        var (exitCode, key, stderr) = await SeatServerProcess.RunCommandAsync(
            ["keys", "create", "--tenant", "acme", "--scopes", "seats:admin", "--postgres", connection], TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, stderr);
        using var acme = TestKeys.Channel(server.GrpcUri, key.Trim());
        var theirs = new SeatService.SeatServiceClient(acme);
        Assert.True(await WithinBoundAsync(theirs, expected: StatusCode.NotFound), "the key made by the keys command was not accepted within the bound");

        await RpcStatusAssert.FailsAsync(() => theirs.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/pg" }).ResponseAsync, StatusCode.NotFound, "POOL_NOT_FOUND");
        await RpcStatusAssert.FailsAsync(() => theirs.GetSeatAsync(new GetSeatRequest { Name = seat.Seat.Name }).ResponseAsync, StatusCode.NotFound, "SEAT_NOT_FOUND");
        await RpcStatusAssert.FailsAsync(
            () => theirs.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = seat.InvitationToken }).ResponseAsync, StatusCode.FailedPrecondition, "INVALID_INVITATION_TOKEN");
        var created = await theirs.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/pg", TotalSeats = 5 } }).ResponseAsync.WithTimeout();
        Assert.Equal((5, 0), (created.Pool.TotalSeats, created.Pool.OccupiedSeats));
        var unchanged = await mine.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/pg" }).ResponseAsync.WithTimeout();
        Assert.Equal((2, 1), (unchanged.Pool.TotalSeats, unchanged.Pool.OccupiedSeats));
    }

    /// <summary>Calls until the answer has <paramref name="expected"/>'s code (NOT_FOUND: the key was accepted); false past the bound.</summary>
    private static async Task<bool> WithinBoundAsync(SeatService.SeatServiceClient seats, StatusCode expected)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() =>
                seats.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "orders/any" }).ResponseAsync.WithTimeout());
            if (error.StatusCode == expected)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
