using SeatGrpc.Client.Tests.Infrastructure;

namespace SeatGrpc.Client.Tests;

/// <summary>The real host's errors meet the client's retry policy: a stale etag is answered once, not retried.</summary>
public sealed class RealHostRetryTests
{
    // The host's call log (Debug) has one line per call that reached it: one per attempt.
    private static readonly Dictionary<string, string> CallLog = new() { ["Logging__LogLevel__SeatGrpc.Server.Hosting.CallLogInterceptor"] = "Debug" };

    [Fact]
    public async Task RevokeWithStaleEtag_AbortedEtagMismatchAfterOneAttempt()
    {
        await using var server = await RestartableServer.StartAsync(CallLog);
        using var services = new ClientServices(server.Address, o => { o.ApiKey = TestKeys.Admin; o.InitialBackoff = TimeSpan.FromMilliseconds(20); });
        var client = services.Client;
        const string Pool = "subscriptions/etag";
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 1 } }).ResponseAsync.WithTimeout();
        var seat = (await client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "a@example.com" }).ResponseAsync.WithTimeout()).Seat;
        await client.ResendInvitationAsync(new ResendInvitationRequest { Name = seat.Name }).ResponseAsync.WithTimeout();

        await RpcStatusAssert.FailsAsync(
            () => client.RevokeSeatAsync(new RevokeSeatRequest { Name = seat.Name, Etag = seat.Etag }).ResponseAsync, StatusCode.Aborted, "ETAG_MISMATCH");

        // A later call's line comes after every line of the revoke's attempts.
        await client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = Pool }).ResponseAsync.WithTimeout();
        await server.WaitForLineAsync(l => l.Contains("/seats.v1.SeatService/GetSeatPool completed", StringComparison.Ordinal));
        Assert.Single(server.Output, l => l.Contains("/seats.v1.SeatService/RevokeSeat completed", StringComparison.Ordinal));
    }
}
