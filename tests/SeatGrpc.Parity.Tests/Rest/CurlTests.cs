using System.Text.Json;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>
/// curl against the running host, one call of each HTTP method and more: the command lines of the README's REST
/// section, run as written by bash (with the test's port and key, and the seat and token the earlier calls returned).
/// Each line must appear verbatim in the README, so the README shows commands that work.
/// </summary>
public sealed class CurlTests : IClassFixture<ParityServer>
{
    private const string ReadmeHost = "localhost:5001";
    private const string ReadmeKey = "$SEATGRPC_KEY";
    private static readonly TimeSpan CurlTimeout = TimeSpan.FromSeconds(20);

    private static readonly string[] ReadmeCommands =
    [
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" -X PUT localhost:5001/v1/subscriptions/sub_1 -H 'content-type: application/json' -d '{"totalSeats": 3}'""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" -X POST localhost:5001/v1/subscriptions/sub_1/seats -H 'content-type: application/json' -d '{"email": "ada@example.com"}'""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" 'localhost:5001/v1/subscriptions/sub_1/seats?pageSize=10&status=SEAT_STATUS_PENDING'""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" localhost:5001/v1/seats/SEAT_ID""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" -X POST localhost:5001/v1/seats/SEAT_ID:resendInvitation -H 'content-type: application/json' -d '{}'""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" -X POST localhost:5001/v1/seats:claim -H 'content-type: application/json' -d '{"invitationToken": "TOKEN"}'""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" -X PUT localhost:5001/v1/subscriptions/sub_1/seats -H 'content-type: application/json' -d '{"changes": [{"assign": {"grantee": {"email": "bob@example.com"}, "immediateClaim": true}}]}'""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" -X DELETE 'localhost:5001/v1/seats/SEAT_ID?requestId=5f0c6a8e-2d0b-4a57-9f55-0d6a3c1b7e21'""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" localhost:5001/v1/subscriptions/sub_1""",
        """curl -s -H "authorization: Bearer $SEATGRPC_KEY" localhost:5001/v1/customers/CUSTOMER_ID/claimedSubscriptions""",
        """curl -sN --max-time 2 -H "authorization: Bearer $SEATGRPC_KEY" 'localhost:5001/v1/subscriptions/sub_1/seatEvents:watch?afterSequence=0'""",
        """curl -s localhost:5001/openapi.json""",
    ];

    private readonly ParityServer _server;

    public CurlTests(ParityServer server)
    {
        _server = server;
    }

    [RequiresToolFact(typeof(CurlProbe))]
    public async Task ReadmeCommands_EachHttpMethodAnswersAsDocumented()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md")).WithTimeout();
        Assert.All(ReadmeCommands, command => Assert.Contains(command, readme, StringComparison.Ordinal));

        var pool = Parse(UpsertSeatPoolResponse.Parser, await CurlAsync(ReadmeCommands[0])).Pool;
        var assigned = Parse(AssignSeatResponse.Parser, await CurlAsync(ReadmeCommands[1]));
        var listed = Parse(ListSeatsResponse.Parser, await CurlAsync(ReadmeCommands[2]));
        var seatId = assigned.Seat.Name["seats/".Length..];
        var got = Parse(GetSeatResponse.Parser, await CurlAsync(ReadmeCommands[3], seatId));
        var resent = Parse(ResendInvitationResponse.Parser, await CurlAsync(ReadmeCommands[4], seatId));
        var claimed = Parse(ClaimSeatResponse.Parser, await CurlAsync(ReadmeCommands[5], token: resent.InvitationToken));
        var batch = Parse(BatchManageSeatsResponse.Parser, await CurlAsync(ReadmeCommands[6]));
        var revoked = Parse(RevokeSeatResponse.Parser, await CurlAsync(ReadmeCommands[7], seatId));
        var revokedAgain = Parse(RevokeSeatResponse.Parser, await CurlAsync(ReadmeCommands[7], seatId));
        var poolAfter = Parse(GetSeatPoolResponse.Parser, await CurlAsync(ReadmeCommands[8])).Pool;
        var claimedSubscriptions = Parse(ListClaimedSubscriptionsResponse.Parser, await CurlAsync(ReadmeCommands[9], customer: "nobody"));
        var events = (await CurlAsync(ReadmeCommands[10], allowTimeout: true)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Parse(WatchSeatEventsResponse.Parser, line).Event).ToList();
        using var openApi = JsonDocument.Parse(await CurlAsync(ReadmeCommands[11]));

        Assert.Equal(("subscriptions/sub_1", 3), (pool.Name, pool.TotalSeats));
        Assert.Equal(SeatStatus.Pending, assigned.Seat.Status);
        Assert.Equal([assigned.Seat.Name], listed.Seats.Select(s => s.Name));
        Assert.Equal(assigned.Seat.Name, got.Seat.Name);
        Assert.Equal(SeatStatus.Claimed, claimed.Seat.Status);
        Assert.Equal("bob@example.com", Assert.Single(batch.Results).Seat.Email);
        Assert.Equal(SeatStatus.Revoked, revoked.Seat.Status);
        Assert.Equal(revoked.Seat, revokedAgain.Seat);
        Assert.Equal((1, 2), (poolAfter.OccupiedSeats, poolAfter.AvailableSeats));
        Assert.Empty(claimedSubscriptions.ClaimedSubscriptions);
        Assert.Equal(
            [SeatEventType.PoolResized, SeatEventType.Assigned, SeatEventType.InvitationResent, SeatEventType.Claimed, SeatEventType.Assigned, SeatEventType.Revoked],
            events.Select(e => e.Type));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/v1/subscriptions/{parent}/seats", out _));
    }

    private static T Parse<T>(Google.Protobuf.MessageParser<T> parser, string json)
        where T : class, Google.Protobuf.IMessage<T>, new() => RestJson.Parse(parser, json);

    private async Task<string> CurlAsync(string command, string seatId = "SEAT_ID", string token = "TOKEN", string customer = "CUSTOMER_ID", bool allowTimeout = false)
    {
        var line = command
            .Replace(ReadmeHost, $"{_server.RestUri.Host}:{_server.RestUri.Port}", StringComparison.Ordinal)
            .Replace(ReadmeKey, TestKeys.Admin, StringComparison.Ordinal)
            .Replace("SEAT_ID", seatId, StringComparison.Ordinal)
            .Replace("TOKEN", token, StringComparison.Ordinal)
            .Replace("CUSTOMER_ID", customer, StringComparison.Ordinal);

        // ToolRunner bounds the process itself; WithTimeout bounds the await.
        var (exitCode, output) = await Task.Run(() => ToolRunner.Run("bash", ["-c", line], CurlTimeout)).WithTimeout(CurlTimeout + TimeSpan.FromSeconds(5));

        // 28: --max-time elapsed, the normal end of a watch that would stream forever.
        Assert.True(exitCode == 0 || (allowTimeout && exitCode == 28), $"{line} exited {exitCode}: {output}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SeatGrpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SeatGrpc.sln above {AppContext.BaseDirectory}.");
    }
}
