using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using SeatGrpc.Server.Hosting;

namespace SeatGrpc.Server.Tests;

/// <summary>SIGTERM to the built server (a child process) with calls and streams in flight.</summary>
public sealed class ShutdownTests
{
    // The grace period, plus the time .NET needs to start and stop around it.
    private static readonly TimeSpan ExitBound = SeatGrpcApp.ShutdownGrace + TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sigterm_WatchAndSlowUnaryInFlight_BothEndCleanlyNewCallsRefusedExit0()
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);
        const string Pool = "subscriptions/drain";
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 5 } }).ResponseAsync.WithTimeout();
        await client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "first@example.com" }).ResponseAsync.WithTimeout();
        using var watch = client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = Pool });
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        // A unary call made slow by a write lock the test holds on the database: it waits for SQLite's busy timeout.
        await using var blocker = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        await blocker.OpenAsync().WithTimeout();
        await using var transaction = blocker.BeginTransaction(deferred: false);
        var slow = client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "slow@example.com" }).ResponseAsync;
        await Task.Delay(500);
        Assert.False(slow.IsCompleted, "the unary call should be waiting for the lock");

        server.Terminate();

        // The watch stream ends with OK, not with a reset.
        while (await watch.ResponseStream.MoveNext(CancellationToken.None).WithTimeout())
        {
            // Events committed before the stop, if any.
        }

        Assert.Equal(StatusCode.OK, watch.GetStatus().StatusCode);

        // A new call is refused while the slow one is still in flight.
        var refused = await FirstRefusalAsync(server.GrpcUri, Pool, TimeSpan.FromSeconds(5));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.False(slow.IsCompleted, "the slow call should still be in flight when the new call is refused");

        // Releasing the lock lets the in-flight call finish with its answer.
        await transaction.RollbackAsync().WithTimeout();
        var assigned = await slow.WithTimeout();
        Assert.Equal("slow@example.com", assigned.Seat.Email);

        Assert.Equal(0, await server.WaitForExitAsync(ExitBound));
    }

    [Fact]
    public async Task Sigterm_StreamThatNeverEnds_ExitsWithinTheGracePeriodAndTheClientSeesAStatus()
    {
        using var database = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(database.Path);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);
        const string Pool = "subscriptions/forever";
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 5 } }).ResponseAsync.WithTimeout();

        // A ManageSeats stream whose client never closes its side: only the grace period can end it.
        using var manage = client.ManageSeats();
        var batch = new ManageSeatsRequest { Parent = Pool };
        batch.Changes.Add(new SeatChange { Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = "a@example.com" } } });
        await manage.RequestStream.WriteAsync(batch).WithTimeout();
        Assert.True(await manage.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        var started = TimeProvider.System.GetTimestamp();

        server.Terminate();
        var exitCode = await server.WaitForExitAsync(ExitBound);

        Assert.Equal(0, exitCode);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < ExitBound);
        var ended = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while (await manage.ResponseStream.MoveNext(CancellationToken.None).WithTimeout())
            {
            }

            throw new InvalidOperationException($"the stream ended with {manage.GetStatus()}");
        });
        var status = Assert.IsType<RpcException>(ended);
        Assert.Contains(status.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Cancelled, StatusCode.Internal });
    }

    [RequiresToolFact(typeof(PostgresClusterProbe))]
    public async Task Sigterm_OnPostgres_StopsTheEventListenerAndExits0()
    {
        using var cluster = PostgresCluster.TryStart(out var problem) ?? throw new InvalidOperationException(problem);
        using var file = new TempDatabase();
        await using var server = await SeatServerProcess.StartAsync(
            ["--grpc-port", "0", "--rest-port", "0", "--sqlite", file.Path, "--postgres", cluster.AdminConnectionString]);
        using var channel = TestKeys.Channel(server.GrpcUri);
        var client = new SeatService.SeatServiceClient(channel);
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/pg-stop", TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        await client.AssignSeatAsync(new AssignSeatRequest { Parent = "subscriptions/pg-stop", Email = "pg@example.com" }).ResponseAsync.WithTimeout();

        server.Terminate();

        // The PostgreSQL event listener was disposed twice at shutdown, and the second time aborted the process (134).
        Assert.Equal(0, await server.WaitForExitAsync(ExitBound));
        Assert.DoesNotContain(server.Output, line => line.Contains("ObjectDisposedException", StringComparison.Ordinal));
    }

    private static async Task<RpcException> FirstRefusalAsync(Uri address, string pool, TimeSpan bound)
    {
        // Kestrel stops accepting a moment after the stopping event; calls made before that are still served.
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            using var fresh = TestKeys.Channel(address);
            try
            {
                await new SeatService.SeatServiceClient(fresh).GetSeatPoolAsync(new GetSeatPoolRequest { Name = pool }).ResponseAsync.WithTimeout();
            }
            catch (RpcException refused)
            {
                return refused;
            }

            Assert.True(DateTime.UtcNow < deadline, "new calls were still accepted after SIGTERM");
            await Task.Delay(50);
        }
    }
}
