using System.Net;
using System.Text;
using System.Text.Json;
using Google.Rpc;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace SeatGrpc.Server.Tests;

/// <summary>
/// The admission limit on the built server, with one place and no queue (<c>--max-concurrent-calls 1 --max-queued-calls 0</c>):
/// a unary call held in flight by a write lock the test takes on the database fills the place, and every other unary call is
/// refused UNAVAILABLE OVERLOADED (REST 503) and changes nothing; streams never take the place.
/// </summary>
public sealed class CallAdmissionTests : IAsyncLifetime, IDisposable
{
    private const string Pool = "subscriptions/admission";

    private readonly TempDatabase _database = new();
    private SeatServerProcess? _server;
    private GrpcChannel? _channel;

    private SeatServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    private SeatService.SeatServiceClient Client => new(_channel ?? throw new InvalidOperationException("Not started."));

    public async Task InitializeAsync()
    {
        _server = await SeatServerProcess.StartAsync(
            ["--grpc-port", "0", "--rest-port", "0", "--sqlite", _database.Path, "--max-concurrent-calls", "1", "--max-queued-calls", "0"]);
        _channel = TestKeys.Channel(_server.GrpcUri);
        await Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 100 } }).ResponseAsync.WithTimeout();
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task UnaryCall_WhileThePlaceIsTaken_UnavailableOverloadedAndNothingChanges()
    {
        await using var held = await HoldThePlaceAsync("held@example.com");

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "refused@example.com" }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        var info = refused.GetRpcStatus()?.GetDetail<ErrorInfo>() ?? throw new Xunit.Sdk.XunitException($"No ErrorInfo in {refused.Status}.");
        Assert.Equal("OVERLOADED", info.Reason);
        Assert.Equal("seats.v1", info.Domain);
        Assert.Equal("1", info.Metadata["max_concurrent_calls"]);
        Assert.Equal("0", info.Metadata["max_queued_calls"]);
        Assert.False(held.Call.IsCompleted, "the held call should still be in flight");

        Assert.Equal("held@example.com", (await held.ReleaseAsync()).Seat.Email);
        var pool = await Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = Pool }).ResponseAsync.WithTimeout();
        var seats = await Client.ListSeatsAsync(new ListSeatsRequest { Parent = Pool, PageSize = 100 }).ResponseAsync.WithTimeout();
        Assert.DoesNotContain(seats.Seats, seat => seat.Email == "refused@example.com");
        Assert.Equal(seats.Seats.Count, pool.Pool.OccupiedSeats);
    }

    [Fact]
    public async Task RestCall_WhileThePlaceIsTaken_503WithRetryAfterAndStatusBody()
    {
        using var http = new HttpClient { BaseAddress = Server.RestUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        await using var held = await HoldThePlaceAsync("held-rest@example.com");

        using var body = new StringContent("""{"email":"refused-rest@example.com"}""", Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync(new Uri($"v1/{Pool}/seats", UriKind.Relative), body).WithTimeout();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("1", Assert.Single(answer.Headers.GetValues("Retry-After")));
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal((int)StatusCode.Unavailable, json.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("OVERLOADED", json.RootElement.GetProperty("details")[0].GetProperty("reason").GetString());

        await held.ReleaseAsync();
        var seats = await Client.ListSeatsAsync(new ListSeatsRequest { Parent = Pool, PageSize = 100 }).ResponseAsync.WithTimeout();
        Assert.DoesNotContain(seats.Seats, seat => seat.Email == "refused-rest@example.com");
    }

    [Fact]
    public async Task OpenStreams_TakeNoPlace_UnaryCallsStillRun()
    {
        using var watch = Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = Pool });
        using var manage = Client.ManageSeats();
        var batch = new ManageSeatsRequest { Parent = Pool };
        batch.Changes.Add(new SeatChange { Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = "streamed@example.com" } } });
        await manage.RequestStream.WriteAsync(batch).WithTimeout();
        Assert.True(await manage.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        // Both streams are open in the server's handlers; with one place, a unary call would be refused if either held it.
        var assigned = await Client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "unary@example.com" }).ResponseAsync.WithTimeout();
        var pool = await Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = Pool }).ResponseAsync.WithTimeout();

        Assert.Equal("unary@example.com", assigned.Seat.Email);
        Assert.True(pool.Pool.OccupiedSeats >= 2);
        await manage.RequestStream.CompleteAsync().WithTimeout();
    }

    // Starts an AssignSeat that waits on a write lock the test holds on the database file, so it keeps the only place, and
    // returns once a read (which the lock does not block) is refused: from then on the place is the held call's. A read
    // that reaches the server first takes the place and gets the AssignSeat refused: then it is sent again.
    private async Task<HeldCall> HoldThePlaceAsync(string email)
    {
        var blocker = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        await blocker.OpenAsync().WithTimeout();
        var transaction = blocker.BeginTransaction(deferred: false);
        var call = Client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = email }).ResponseAsync;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(100);
            if (call.IsCompleted)
            {
                call = Client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = email }).ResponseAsync;
                continue;
            }

            try
            {
                await Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = Pool }).ResponseAsync.WithTimeout();
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && !call.IsCompleted)
            {
                return new HeldCall(blocker, transaction, call);
            }
        }

        await transaction.DisposeAsync();
        await blocker.DisposeAsync();
        throw new Xunit.Sdk.XunitException("No read was refused while an AssignSeat waited on the database lock.");
    }

    private sealed class HeldCall(SqliteConnection blocker, SqliteTransaction transaction, Task<AssignSeatResponse> call) : IAsyncDisposable
    {
        public Task<AssignSeatResponse> Call => call;

        public async Task<AssignSeatResponse> ReleaseAsync()
        {
            await transaction.RollbackAsync().WithTimeout();
            return await call.WithTimeout();
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await blocker.DisposeAsync();
        }
    }
}
