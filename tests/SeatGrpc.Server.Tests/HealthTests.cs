using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SeatGrpc.Server.Tests;

/// <summary>grpc.health.v1 on the built server (a child process): SERVING, and NOT_SERVING while its database is down.</summary>
public sealed class HealthTests
{
    // A change shows in Check within about a second and in Watch within the 5 s publish period; the rest is slack
    // for a loaded machine (the cluster restarts and the pool reconnects).
    private static readonly TimeSpan ChangeBound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("")]
    [InlineData("seats.v1.SeatService")]
    public async Task Check_SqliteAtStart_Serving(string service)
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri);

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync.WithTimeout();

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_NotFound()
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [RequiresToolFact(typeof(PostgresClusterProbe))]
    public async Task PostgresStoppedThenStarted_NotServingAndUnavailableThenServing()
    {
        using var cluster = PostgresCluster.TryStart(out var problem) ?? throw new InvalidOperationException(problem);
        var connection = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Pooling = true, Timeout = 3 }.ConnectionString;
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(["--grpc-port", "0", "--rest-port", "0", "--sqlite", database.Path, "--postgres", connection]);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var health = new Health.HealthClient(channel);
        using var watchCancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var watch = health.Watch(new HealthCheckRequest(), cancellationToken: watchCancel.Token);
        Assert.Contains("Seat store open: Postgres", string.Join('\n', server.Output), StringComparison.Ordinal);
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest()).ResponseAsync.WithTimeout()).Status);
        Assert.Equal(ServingStatus.Serving, await NextAsync(watch));

        Assert.Null(cluster.Stop());

        await CheckUntilAsync(health, ServingStatus.NotServing, server);
        Assert.Equal(ServingStatus.NotServing, await NextAsync(watch));
        var seats = new Seats.V1.SeatService.SeatServiceClient(channel);
        var outage = await Assert.ThrowsAsync<RpcException>(() => seats.GetSeatPoolAsync(
            new Seats.V1.GetSeatPoolRequest { Name = "subscriptions/any" }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, outage.StatusCode);
        Assert.Equal("DATABASE_UNAVAILABLE", outage.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);

        Assert.Null(cluster.Start());

        await CheckUntilAsync(health, ServingStatus.Serving, server);
        Assert.Equal(ServingStatus.Serving, await NextAsync(watch));
    }

    private static async Task<ServingStatus> NextAsync(AsyncServerStreamingCall<HealthCheckResponse> watch)
    {
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WithTimeout(ChangeBound));
        return watch.ResponseStream.Current.Status;
    }

    private static async Task CheckUntilAsync(Health.HealthClient health, ServingStatus expected, SeatServerProcess server)
    {
        var deadline = DateTime.UtcNow + ChangeBound;
        while (true)
        {
            var status = (await health.CheckAsync(new HealthCheckRequest()).ResponseAsync.WithTimeout()).Status;
            if (status == expected)
            {
                return;
            }

            Assert.True(
                DateTime.UtcNow < deadline,
                $"Check still answers {status}, not {expected}, after {ChangeBound.TotalSeconds} s. Server output:\n{string.Join('\n', server.Output.TakeLast(40))}");
            await Task.Delay(200);
        }
    }
}
