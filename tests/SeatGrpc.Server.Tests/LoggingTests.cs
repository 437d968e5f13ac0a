using System.Text.RegularExpressions;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace SeatGrpc.Server.Tests;

/// <summary>The built server's log (a child process at Debug): one line per call, errors at Error, no secrets.</summary>
public sealed class LoggingTests
{
    private static readonly Dictionary<string, string> DebugLogs = new() { ["Logging__LogLevel__Default"] = "Debug" };

    [Fact]
    public async Task Calls_AtDebug_EachLoggedWithMethodStatusAndDuration()
    {
        using var database = new TempDatabase();
        await using var server = await StartAsync(database);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);

        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/logged", TotalSeats = 1 } }).ResponseAsync.WithTimeout();
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetSeatAsync(new GetSeatRequest { Name = "seats/nope" }).ResponseAsync.WithTimeout());
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var ok = await server.WaitForLineAsync(l => l.Contains("/seats.v1.SeatService/UpsertSeatPool completed", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var notFound = await server.WaitForLineAsync(l => l.Contains("/seats.v1.SeatService/GetSeat completed", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Matches(CallLine("UpsertSeatPool", "OK"), ok);
        Assert.Matches(CallLine("GetSeat", "NotFound"), notFound);
    }

    [Fact]
    public async Task Calls_AtDefaultLevel_NotLogged()
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);

        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/quiet", TotalSeats = 1 } }).ResponseAsync.WithTimeout();
        await client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/quiet" }).ResponseAsync.WithTimeout();

        // The GetSeatPool call has ended for the client; its Debug line would have been written before the response.
        Assert.DoesNotContain(server.Output, line => line.Contains("gRPC call", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandlerError_LoggedAtErrorCallerGetsUnknownWithoutDetail()
    {
        using var database = new TempDatabase();
        await using var server = await StartAsync(database);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/broken", TotalSeats = 1 } }).ResponseAsync.WithTimeout();
        await using (var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False"))
        {
            // An operator's mistake the handler cannot expect: the table under the seats is gone.
            await connection.OpenAsync().WithTimeout();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE seats;";
            await drop.ExecuteNonQueryAsync().WithTimeout();
        }

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/broken", Email = "x@example.com" }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal("An unexpected error occurred.", error.Status.Detail);
        var logged = await server.WaitForLineAsync(l => l.StartsWith("fail: ", StringComparison.Ordinal) || l.StartsWith("warn: ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("AssignSeat", logged, StringComparison.Ordinal);
        Assert.Contains("no such table: seats", string.Join('\n', server.Output), StringComparison.Ordinal);
        await server.WaitForLineAsync(l => Regex.IsMatch(l, CallLine("AssignSeat", "Unknown")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AssignAndClaim_AtDebug_NoTokenEmailOrMetadataInTheLog()
    {
        using var database = new TempDatabase();
        await using var server = await StartAsync(database);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);
        const string Email = "secret-grantee@example.com";
        const string MetadataValue = "metadata-value-7f3a";
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/private", TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        var assign = new AssignSeatRequest { Parent = "subscriptions/private", Email = Email };
        assign.Metadata.Add("team", MetadataValue);

        var assigned = await client.AssignSeatAsync(assign).ResponseAsync.WithTimeout();
        await client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync.WithTimeout();
        var reused = await Assert.ThrowsAsync<RpcException>(() =>
            client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = assigned.InvitationToken }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.False(string.IsNullOrEmpty(assigned.InvitationToken));
        await server.WaitForLineAsync(l => Regex.IsMatch(l, CallLine("ClaimSeat", "FailedPrecondition")), TimeSpan.FromSeconds(10));
        var log = string.Join('\n', server.Output);
        Assert.Contains("/seats.v1.SeatService/AssignSeat completed with OK", log, StringComparison.Ordinal);
        Assert.DoesNotContain(assigned.InvitationToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(MetadataValue, log, StringComparison.Ordinal);
    }

    private static Task<SeatServerProcess> StartAsync(TempDatabase database) =>
        SeatServerProcess.StartAsync(["--grpc-port", "0", "--rest-port", "0", "--sqlite", database.Path], DebugLogs);

    private static string CallLine(string method, string status) =>
        $@"^dbug: \S+\[1\] gRPC call /seats\.v1\.SeatService/{method} completed with {status} in [0-9]+\.[0-9]{{3}} ms$";
}
