using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeatGrpc.Domain;
using SeatGrpc.Storage;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Opens the database (applying migrations) and builds the allocator when the host starts, before the server
/// takes calls; a database that cannot be opened or migrated stops the start-up with its message.
/// </summary>
internal sealed class SeatStore : IHostedService, IDisposable
{
    private readonly SeatServiceOptions _options;
    private readonly ISeatEventNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private SeatDatabase? _database;
    private SeatAllocator? _allocator;

    public SeatStore(SeatServiceOptions options, ISeatEventNotifier notifier, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _options = options;
        _notifier = notifier;
        _time = time;
        _loggerFactory = loggerFactory;
    }

    public bool IsOpen => Volatile.Read(ref _allocator) is not null;

    /// <exception cref="InvalidOperationException">The host has not started.</exception>
    public SeatAllocator Allocator =>
        Volatile.Read(ref _allocator) ?? throw new InvalidOperationException("The seat store is not open: the host has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_allocator is not null)
        {
            return;
        }

        var storage = new SqliteStorageOptions(_options.SqlitePath, _options.BusyTimeout);
        _database = await SeatDatabase.OpenSqliteAsync(storage, _loggerFactory, cancellationToken).ConfigureAwait(false);
        var domainOptions = new SeatAllocatorOptions(_options.InvitationLifetime, _options.IdempotencyRetention);
        var allocator = await SeatAllocator.CreateAsync(_database, domainOptions, _notifier, _time, _loggerFactory, cancellationToken)
            .ConfigureAwait(false);
        Volatile.Write(ref _allocator, allocator);
        var logger = _loggerFactory.CreateLogger<SeatStore>();
        var fullPath = Path.GetFullPath(_options.SqlitePath);
        ServiceLog.StoreOpened(logger, fullPath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _database?.Dispose();
}
