using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>Deadlines and cancellation against python3-grpcio.</summary>
[Collection(PythonEchoServerDefinition.Name)]
public sealed class PythonDeadlineAndCancellationTests(PythonEchoServerFixture server)
{
    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task DeadlinePassesWhileServerSleeps_FailsWithDeadlineExceededOnTime()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var headers = new Metadata { { "x-test-sleep-ms", "5000" } };
        var stopwatch = Stopwatch.StartNew();

        using var call = client.EchoAsync(new EchoRequest { Message = "slow" }, headers, DateTime.UtcNow.AddMilliseconds(300));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task Deadline_IsSentAsGrpcTimeout()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var headers = new Metadata { { "x-test-time-remaining", "1" } };

        var response = await client.EchoAsync(new EchoRequest(), headers, DateTime.UtcNow.AddSeconds(30)).ResponseAsync.WithTimeout();

        var remaining = double.Parse(response.Message, CultureInfo.InvariantCulture);
        Assert.InRange(remaining, 25, 30.01);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task DeadlineAlreadyPassed_FailsWithoutCallingTheServer()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);

        using var call = client.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(-1));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var headersError = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync.WithTimeout());
        Assert.Equal(StatusCode.DeadlineExceeded, headersError.StatusCode);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task DeadlineDuringServerStream_FailsTheReadWithDeadlineExceeded()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var headers = new Metadata { { "x-test-cancel-id", Guid.NewGuid().ToString("N") } };

        // 1000 messages 50 ms apart: the stream would last 50 s.
        using var call = client.Expand(new ExpandRequest { Message = "m", Count = 1000 }, headers, DateTime.UtcNow.AddMilliseconds(500));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout())
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task CancelledMidStream_FailsWithCancelledAndServerObservesReset()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var cancelId = Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource();

        using var call = client.Expand(
            new ExpandRequest { Message = "m", Count = 1000 },
            new Metadata { { "x-test-cancel-id", cancelId } },
            cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        var report = await client.EchoAsync(new EchoRequest(), new Metadata { { "x-test-query-cancel", cancelId } }).ResponseAsync.WithTimeout();
        Assert.Equal("cancelled", report.Message);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task DisposedMidStream_ServerObservesReset()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var cancelId = Guid.NewGuid().ToString("N");

        var call = client.Expand(new ExpandRequest { Message = "m", Count = 1000 }, new Metadata { { "x-test-cancel-id", cancelId } });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        var report = await client.EchoAsync(new EchoRequest(), new Metadata { { "x-test-query-cancel", cancelId } }).ResponseAsync.WithTimeout();
        Assert.Equal("cancelled", report.Message);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task StreamCompletedNormally_ServerDoesNotReportCancellation()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        var cancelId = Guid.NewGuid().ToString("N");

        using (var call = client.Expand(new ExpandRequest { Message = "m", Count = 2 }, new Metadata { { "x-test-cancel-id", cancelId } }))
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout())
            {
            }
        }

        var report = await client.EchoAsync(new EchoRequest(), new Metadata { { "x-test-query-cancel", cancelId }, { "x-test-query-wait-ms", "1000" } }).ResponseAsync.WithTimeout();
        Assert.Equal("not-cancelled", report.Message);
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task CancelledWhileServerHasNotAnswered_FailsWithCancelled()
    {
        using var channel = server.CreateChannel();
        var client = PythonEchoServerFixture.CreateClient(channel);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        using var call = client.EchoAsync(new EchoRequest(), new Metadata { { "x-test-sleep-ms", "5000" } }, cancellationToken: cts.Token);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }
}
