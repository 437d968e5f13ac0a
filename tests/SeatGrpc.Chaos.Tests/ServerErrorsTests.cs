using SeatGrpc.Chaos.Tests.Infrastructure;
using Xunit;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// Which server Error lines fail a run: the framework's own lines for a client that gave up pass, each only with its own
/// event; everything else fails. The PostgreSQL chaos test met event 9 under load (seed 884829583).
/// </summary>
public sealed class ServerErrorsTests
{
    private const string DeadlineRace =
        "fail: Grpc.AspNetCore.Server.ServerCallHandler[9] Error occurred while trying to cancel the request due to deadline exceeded. " +
        "System.InvalidOperationException: Headers are read-only, response has already started.    at Microsoft.AspNetCore.Server.Kestrel";

    private const string ClientReset =
        "fail: Grpc.AspNetCore.Server.ServerCallHandler[6] Error when executing service method 'AssignSeat'. " +
        "System.IO.IOException: The client reset the request stream.    at Microsoft.AspNetCore.Server.Kestrel";

    [Fact]
    public void Unexpected_TheFrameworksLinesForAClientThatGaveUp_Pass()
    {
        Assert.Empty(ServerErrors.Unexpected([DeadlineRace, ClientReset]));
    }

    [Fact]
    public void Unexpected_TheSameMessageUnderAnotherEventOrOurOwnError_Fails()
    {
        var otherEvent = DeadlineRace.Replace("ServerCallHandler[9]", "ServerCallHandler[6]", StringComparison.Ordinal);
        var ours = "fail: SeatGrpc.Service.SeatGrpcService[3] Unexpected error in /seats.v1.SeatService/AssignSeat; the caller got UNKNOWN";

        Assert.Equal([otherEvent, ours], ServerErrors.Unexpected([otherEvent, ClientReset, ours]));
    }
}
