using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SeatGrpc.Domain.Internal;
using SeatGrpc.Storage;

namespace SeatGrpc.Domain;

/// <summary>
/// The seat rules over one database, shared by every tenant. Each call goes through <see cref="For"/>, which scopes it
/// to the caller's tenant: the tenant is an explicit argument of every operation, never ambient state.
/// </summary>
public sealed class SeatAllocator
{
    private const string PageTokenKeyName = "page_token_key";

    private readonly SeatDatabase _database;

    private SeatAllocator(
        SeatDatabase database, SeatAllocatorOptions options, ISeatEventNotifier notifier, TimeProvider time, ILogger logger, byte[] pageTokenKey)
    {
        _database = database;
        var writer = new SeatWriter(options.EffectiveInvitationLifetime);
        Runner = new WriteRunner(database, time, notifier, options.EffectiveIdempotencyRetention, logger);
        Operations = new SeatOperations(writer);
        Batches = new BatchApplier(writer, logger);
        Reader = new SeatReader(database, new PageTokenCodec(pageTokenKey));
        Watcher = new EventWatcher(database, Reader, notifier);
    }

    internal WriteRunner Runner { get; }

    internal SeatOperations Operations { get; }

    internal BatchApplier Batches { get; }

    internal SeatReader Reader { get; }

    internal EventWatcher Watcher { get; }

    /// <summary>Loads (or creates, once for all replicas) the page-token key and returns a ready allocator.</summary>
    public static async Task<SeatAllocator> CreateAsync(
        SeatDatabase database,
        SeatAllocatorOptions? options,
        ISeatEventNotifier notifier,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(notifier);
        var key = await LoadPageTokenKeyAsync(database, cancellationToken).ConfigureAwait(false);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SeatAllocator>();
        return new SeatAllocator(database, options ?? new SeatAllocatorOptions(), notifier, timeProvider ?? TimeProvider.System, logger, key);
    }

    /// <summary>The seat operations as <paramref name="caller"/> may see them: its tenant's pools only.</summary>
    public TenantSeats For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new TenantSeats(this, caller);
    }

    /// <summary>Whether the database can be opened and queried.</summary>
    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => _database.CheckAsync(cancellationToken);

    /// <summary>The seats of all pools together (every tenant's), for the host's gauges.</summary>
    public async Task<SeatTotals> CountSeatsAsync(CancellationToken cancellationToken)
    {
        await using var session = await _database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var (total, occupied) = await _database.Pools.SumSeatsAsync(session, cancellationToken).ConfigureAwait(false);
        return new SeatTotals(total, occupied);
    }

    /// <summary>The key that signs page tokens, shared by every replica (created once, in the database).</summary>
    internal static async Task<byte[]> LoadPageTokenKeyAsync(SeatDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var key = await database.Secrets.GetOrCreateAsync(session, PageTokenKeyName, RandomIds.NewSecret(), cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }
}
