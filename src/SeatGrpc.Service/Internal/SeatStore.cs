using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeatGrpc.Domain;
using SeatGrpc.Storage;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Opens the database (applying migrations), builds the allocator and the key directory and runs the keys' first-start
/// bootstrap when the host starts, before the server takes calls; a database that cannot be opened or migrated stops the
/// start-up with its message.
/// </summary>
internal sealed class SeatStore : IHostedService, IAsyncDisposable
{
    private readonly SeatServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private SeatDatabase? _database;
    private ISeatEventNotifier? _notifier;
    private SeatAllocator? _allocator;
    private ApiKeyDirectory? _keys;

    public SeatStore(SeatServiceOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _options = options;
        _time = time;
        _loggerFactory = loggerFactory;
    }

    public bool IsOpen => Volatile.Read(ref _allocator) is not null;

    /// <exception cref="InvalidOperationException">The host has not started.</exception>
    public SeatAllocator Allocator =>
        Volatile.Read(ref _allocator) ?? throw new InvalidOperationException("The seat store is not open: the host has not started.");

    /// <exception cref="InvalidOperationException">The host has not started.</exception>
    public ApiKeyDirectory Keys =>
        Volatile.Read(ref _keys) ?? throw new InvalidOperationException("The seat store is not open: the host has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_allocator is not null)
        {
            return;
        }

        var sqlite = new SqliteStorageOptions(_options.SqlitePath, _options.BusyTimeout);
        _database = await SeatStorage.OpenAsync(_options.PostgresConnectionString, sqlite, _loggerFactory, cancellationToken).ConfigureAwait(false);

        // On PostgreSQL the notifier listens to every replica's commits; on SQLite it is in-process.
        _notifier = SeatEventNotifiers.Create(_database, _loggerFactory);
        var domainOptions = new SeatAllocatorOptions(_options.InvitationLifetime, _options.IdempotencyRetention);
        var allocator = await SeatAllocator.CreateAsync(_database, domainOptions, _notifier, _time, _loggerFactory, cancellationToken)
            .ConfigureAwait(false);
        var keys = await ApiKeyDirectory.CreateAsync(_database, _time, cancellationToken).ConfigureAwait(false);
        var logger = _loggerFactory.CreateLogger<SeatStore>();
        if (await keys.BootstrapAsync(_options.BootstrapKey, cancellationToken).ConfigureAwait(false) is { } created)
        {
            if (_options.BootstrapKeyCreated is { } show)
            {
                show(created);
            }
            else
            {
                ServiceLog.BootstrapKeyNotShown(logger, created.Key.KeyId, created.Key.Tenant);
            }
        }

        Volatile.Write(ref _keys, keys);
        Volatile.Write(ref _allocator, allocator);
        var location = _database.Engine == StorageEngine.Sqlite ? Path.GetFullPath(_options.SqlitePath) : "the --postgres connection";
        ServiceLog.StoreOpened(logger, _database.Engine, location);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_notifier is IAsyncDisposable notifier)
        {
            await notifier.DisposeAsync().ConfigureAwait(false);
        }

        _database?.Dispose();
    }
}
