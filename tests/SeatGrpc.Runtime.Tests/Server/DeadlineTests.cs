using System.Diagnostics;
using System.Globalization;
using SeatGrpc.Runtime.Server.Internal;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Server.Infrastructure;

namespace SeatGrpc.Runtime.Tests.Server;

public sealed class DeadlineTests(GrpcServerFixture fixture) : GrpcTestBase<GrpcServerFixture>(fixture)
{
    [Theory]
    [InlineData("2H", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3M", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("4S", 4 * TimeSpan.TicksPerSecond)]
    [InlineData("5m", 5 * TimeSpan.TicksPerMillisecond)]
    [InlineData("6u", 6 * TimeSpan.TicksPerMicrosecond)]
    [InlineData("700n", 7)]
    [InlineData("1n", 1)]
    [InlineData("0S", 0)]
    [InlineData("99999999H", 99999999 * TimeSpan.TicksPerHour)]
    public void Timeout_ValidValue_Parses(string value, long expectedTicks)
    {
        // Arrange / Act
        var parsed = GrpcTimeout.TryParse(value, out var timeout);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("1x")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData(" 1S")]
    public void Timeout_MalformedValue_IsRejected(string value)
    {
        // Arrange / Act
        var parsed = GrpcTimeout.TryParse(value, out _);

        // Assert
        Assert.False(parsed);
    }

    [Fact]
    public async Task Deadline_IsExposedOnTheContext()
    {
        // Arrange
        var before = DateTime.UtcNow;

        // Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "deadline" }, ("grpc-timeout", "10S"));

        // Assert
        var deadline = new DateTime(long.Parse(response.Message(EchoResponse.Parser).Message, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.InRange(deadline, before.AddSeconds(9), DateTime.UtcNow.AddSeconds(10));
    }

    [Fact]
    public async Task NoTimeout_DeadlineIsMaxValue()
    {
        // Arrange / Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "deadline" });

        // Assert
        Assert.Equal(DateTime.MaxValue.Ticks.ToString(CultureInfo.InvariantCulture), response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task MalformedTimeout_IsIgnored()
    {
        // Arrange / Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "deadline" }, ("grpc-timeout", "1.5S"));

        // Assert
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(DateTime.MaxValue.Ticks.ToString(CultureInfo.InvariantCulture), response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task Expired_HandlerTokenFiresAndClientGetsDeadlineExceeded()
    {
        // Arrange
        var request = new EchoRequest { Message = "wait" };

        // Act
        var response = await Client.UnaryAsync("Echo", request, ("grpc-timeout", "100m"));

        // Assert
        Assert.Equal(4, response.GrpcStatus);
        Assert.Equal("Deadline Exceeded", response.GrpcMessage);
        Assert.Empty(response.Frames);
        await Probe.HandlerCanceled.Task.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public async Task HandlerIgnoringToken_ClientGetsDeadlineExceededAtOnceAndLateResultIsDropped()
    {
        // Arrange
        var stopwatch = Stopwatch.StartNew();

        // Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "ignore-deadline" }, ("grpc-timeout", "200m"));
        var elapsed = stopwatch.Elapsed;
        await Probe.LateResultProduced.Task.WaitAsync(TestTimeouts.Default);

        // Assert
        Assert.Equal(4, response.GrpcStatus);
        Assert.Empty(response.Frames);
        Assert.True(elapsed < TimeSpan.FromMilliseconds(1200), $"took {elapsed}");
    }

    [Fact]
    public async Task ZeroTimeout_FailsBeforeTheHandlerRuns()
    {
        // Arrange / Act
        var response = await Client.UnaryAsync("Echo", new EchoRequest { Message = "x" }, ("grpc-timeout", "0m"));

        // Assert
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(4, response.GrpcStatus);
        Assert.Equal(0, Probe.Calls);
    }

    [Fact]
    public async Task ServerStreaming_ExpiredAfterMessages_EndsWithDeadlineExceededTrailers()
    {
        // Arrange
        var request = new ExpandRequest { Message = "wait", Count = 2 };

        // Act
        var response = await Client.UnaryAsync("Expand", request, ("grpc-timeout", "200m"));

        // Assert
        Assert.Equal(2, response.Frames.Count);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal(4, response.GrpcStatus);
        await Probe.HandlerCanceled.Task.WaitAsync(TestTimeouts.Default);
    }
}
