using Dapper;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>
/// The storage fixture, generic over the engine: each test gets a fresh database and allocator.
/// A test class is abstract over <typeparamref name="TProvider"/>, with a sealed subclass per engine.
/// </summary>
public abstract class StorageTestBase<TProvider> : IAsyncLifetime, IDisposable
    where TProvider : IStorageProvider, new()
{
    private readonly CancellationTokenSource _timeout = new(Bounded.Limit);

    protected TProvider Provider { get; } = new();

    protected SeatDatabase Database { get; private set; } = null!;

    /// <summary>The allocator shared by every tenant; tests of isolation scope it to other callers with <c>For</c>.</summary>
    protected SeatAllocator Seats { get; private set; } = null!;

    /// <summary>The seat operations of the tenant <see cref="Caller.DefaultTenant"/>, with no key.</summary>
    protected TenantSeats Allocator { get; private set; } = null!;

    /// <summary>The engine's notifier: in-process for SQLite, LISTEN/NOTIFY for PostgreSQL.</summary>
    protected ISeatEventNotifier Notifier { get; private set; } = null!;

    protected ManualTimeProvider Time { get; } = new();

    protected CancellationToken Ct => _timeout.Token;

    public virtual async Task InitializeAsync()
    {
        await BeforeOpenAsync();
        Database = await Provider.OpenAsync(Ct).Within();
        Notifier = SeatEventNotifiers.Create(Database, null);
        Seats = await SeatAllocator.CreateAsync(Database, new SeatAllocatorOptions(), Notifier, Time, null, Ct).Within();
        Allocator = Seats.For(new Caller(Caller.DefaultTenant));
    }

    public virtual async Task DisposeAsync()
    {
        if (Notifier is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().AsTask().Within();
        }

        Database?.Dispose();
        Provider.Dispose();
    }

    public void Dispose()
    {
        _timeout.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs before the database is first opened (and migrated), e.g. to put an older database in its place.</summary>
    protected virtual Task BeforeOpenAsync() => Task.CompletedTask;

    protected async Task<Pool> CreatePoolAsync(string name = "subscriptions/sub_1", int totalSeats = 5)
    {
        var result = await Allocator.UpsertPoolAsync(new PoolSettings(name, totalSeats, "cus_owner"), null, null, Ct).Within();
        return result.Value!;
    }

    protected async Task<AssignedSeat> AssignAsync(string parent, Grantee grantee, bool immediateClaim = false)
    {
        var result = await Allocator.AssignSeatAsync(parent, grantee, null, immediateClaim, null, null, Ct).Within();
        return result.Value!;
    }

    protected async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var session = await Database.OpenReadAsync(Ct).Within();
        return await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: Ct)).Within();
    }

    protected async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var session = await Database.BeginWriteAsync(Ct).Within();
        await session.Connection.ExecuteAsync(new CommandDefinition(sql, args, session.Transaction, cancellationToken: Ct)).Within();
        await session.CommitAsync(Ct).Within();
    }

    /// <summary>Seats are records, but their metadata maps compare by reference: compare those by content.</summary>
    protected static void AssertSameSeat(Seat expected, Seat actual)
    {
        Assert.Equal(expected.Metadata.OrderBy(p => p.Key), actual.Metadata.OrderBy(p => p.Key));
        Assert.Equal(expected, actual with { Metadata = expected.Metadata });
    }

    protected static async Task<SeatDomainException> ThrowsKindAsync(SeatErrorKind kind, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<SeatDomainException>(() => action().Within());
        Assert.Equal(kind, error.Kind);
        return error;
    }
}
