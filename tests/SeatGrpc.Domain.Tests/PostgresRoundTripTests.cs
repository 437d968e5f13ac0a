using Npgsql;
using SeatGrpc.Domain.Tests.Infrastructure;
using SeatGrpc.Storage;
using SeatGrpc.Testing;
using Xunit.Abstractions;

namespace SeatGrpc.Domain.Tests;

/// <summary>
/// SPEC.md section 9 on PostgreSQL, where every round trip is network latency: an AssignSeat takes at most 3 round trips
/// and a batch of 100 changes at most 10, counted on the wire by a <see cref="RoundTripProxy"/> between a second
/// allocator and the database (BEGIN and COMMIT included).
/// </summary>
public sealed class PostgresRoundTripTests : StorageTestBase<PostgresStorageProvider>
{
    private readonly ITestOutputHelper _output;
    private RoundTripProxy _proxy = null!;
    private SeatDatabase _proxied = null!;
    private TenantSeats _counted = null!;

    public PostgresRoundTripTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var direct = new NpgsqlConnectionStringBuilder(Provider.ConnectionString);
        _proxy = new RoundTripProxy(direct.Host!, direct.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(Provider.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = _proxy.Port,
            SslMode = SslMode.Disable,
            Pooling = true,
            ApplicationName = "SeatGrpc counted",
        };
        _proxied = await SeatDatabase.OpenPostgresAsync(new PostgresStorageOptions(viaProxy.ConnectionString), null, Ct).Within();
        var seats = await SeatAllocator.CreateAsync(_proxied, new SeatAllocatorOptions(), new InProcessSeatEventNotifier(), Time, null, Ct).Within();
        _counted = seats.For(new Caller(Caller.DefaultTenant));
    }

    public override async Task DisposeAsync()
    {
        _proxied?.Dispose();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync().AsTask().Within();
        }

        await base.DisposeAsync();
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task AssignSeat_WithAndWithoutRequestId_TakesAtMostThreeRoundTrips()
    {
        const int Calls = 20;
        var pool = await CreatePoolAsync(totalSeats: 100);
        await AssignCountedAsync(pool.Name, "warm-up", requestId: null);

        var withId = await RoundTripsAsync(async () =>
        {
            for (var i = 0; i < Calls; i++)
            {
                await AssignCountedAsync(pool.Name, $"id{i}", Guid.NewGuid().ToString());
            }
        });
        var withoutId = await RoundTripsAsync(async () =>
        {
            for (var i = 0; i < Calls; i++)
            {
                await AssignCountedAsync(pool.Name, $"plain{i}", requestId: null);
            }
        });

        _output.WriteLine($"round trips per AssignSeat: {withId / (double)Calls} with a request id, {withoutId / (double)Calls} without");
        Assert.InRange(withId, Calls, 3 * Calls);
        Assert.InRange(withoutId, Calls, 3 * Calls);
        Assert.Equal(1 + (2 * Calls), await CountAsync("SELECT COUNT(*) FROM seats WHERE status <> 'revoked'"));
    }

    [RequiresToolFact(typeof(PostgresServerProbe))]
    public async Task ApplyBatch_OfHundredAssignsOrMixed_TakesAtMostTenRoundTrips()
    {
        var pool = await CreatePoolAsync(totalSeats: 1000);
        await AssignCountedAsync(pool.Name, "warm-up", requestId: null);
        var first = Enumerable.Range(0, 100).Select(i => (SeatChange)new AssignChange(Grantee.ForEmail($"b{i}@example.com"))).ToList();
        var assigns = await RoundTripsAsync(() => BatchCountedAsync(pool.Name, first));

        // As the benchmark's steady state: half the batch unassigns the oldest grantees, half assigns new ones.
        var mixed = Enumerable.Range(0, 50).Select(i => (SeatChange)new UnassignChange(Grantee.ForEmail($"b{i}@example.com")))
            .Concat(Enumerable.Range(0, 50).Select(i => (SeatChange)new AssignChange(Grantee.ForEmail($"c{i}@example.com"))))
            .ToList();
        var unassignsAndAssigns = await RoundTripsAsync(() => BatchCountedAsync(pool.Name, mixed));

        _output.WriteLine($"round trips per batch of 100: {assigns} (assigns), {unassignsAndAssigns} (50 unassigns, 50 assigns)");
        Assert.InRange(assigns, 1, 10);
        Assert.InRange(unassignsAndAssigns, 1, 10);
        Assert.Equal(101, await CountAsync("SELECT COUNT(*) FROM seats WHERE status <> 'revoked'"));
    }

    private async Task<long> RoundTripsAsync(Func<Task> calls)
    {
        var before = _proxy.RoundTrips;
        await calls();
        return _proxy.RoundTrips - before;
    }

    private async Task AssignCountedAsync(string pool, string name, string? requestId)
    {
        var key = requestId is null ? null : new IdempotencyKey(requestId, "AssignSeat", new byte[] { 1, 2, 3 });
        var result = await _counted.AssignSeatAsync(
            pool, Grantee.ForEmail($"{name}@example.com"), null, false, key, key is null ? null : static a => System.Text.Encoding.UTF8.GetBytes(a.Seat.Name), Ct).Within();
        Assert.NotNull(result.Value);
    }

    private async Task BatchCountedAsync(string pool, List<SeatChange> changes)
    {
        var key = new IdempotencyKey(Guid.NewGuid().ToString(), "ManageSeats", new byte[] { 4, 5, 6 });
        var result = await _counted.ApplyBatchAsync(pool, changes, key, static _ => [7], Ct).Within();
        Assert.Equal(changes.Count, result.Value!.Results.Count);
    }
}
