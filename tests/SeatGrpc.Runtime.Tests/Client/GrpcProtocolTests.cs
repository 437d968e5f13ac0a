using System.Net;
using Grpc.Core;
using Grpc.Net.Client.Internal;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>The client's wire encodings: grpc-timeout, grpc-message, HTTP status mapping.</summary>
public sealed class GrpcProtocolTests
{
    [Theory]
    [InlineData(1, "1m")] // 100 ns rounds up to a millisecond
    [InlineData(10_000, "1m")]
    [InlineData(15_000, "2m")]
    [InlineData(300 * TimeSpan.TicksPerMillisecond, "300m")]
    [InlineData(99_999_999 * TimeSpan.TicksPerMillisecond, "99999999m")]
    [InlineData(100_000_000 * TimeSpan.TicksPerMillisecond, "100000S")]
    [InlineData(100_000_000 * TimeSpan.TicksPerSecond, "1666667M")]
    [InlineData(100_000_000 * TimeSpan.TicksPerMinute, "1666667H")]
    public void EncodeTimeout_UsesAtMostEightDigitsAndRoundsUp(long ticks, string expected)
    {
        var encoded = GrpcProtocol.EncodeTimeout(TimeSpan.FromTicks(ticks));

        Assert.Equal(expected, encoded);
        Assert.InRange(encoded.Length, 2, 9);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%25 sure", "100% sure")]
    [InlineData("Pl%C3%A4tze %E2%9C%93", "Plätze ✓")]
    [InlineData("bad %ZZ and %4", "bad %ZZ and %4")]
    [InlineData("%E5%B8%AD%0A", "席\n")]
    public void PercentDecode_DecodesUtf8AndKeepsMalformedSequences(string encoded, string expected)
    {
        Assert.Equal(expected, GrpcProtocol.PercentDecode(encoded));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public void MapHttpStatus_FollowsGrpcMapping(HttpStatusCode httpStatus, StatusCode expected)
    {
        Assert.Equal(expected, GrpcProtocol.MapHttpStatus(httpStatus));
    }
}
