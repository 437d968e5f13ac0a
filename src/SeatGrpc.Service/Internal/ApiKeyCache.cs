using System.Collections.Frozen;
using System.Data.Common;
using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Every API key in memory, by public id, so that authenticating a call costs a SHA-256 and a constant-time compare,
/// never a database query. It loads the keys before the server takes calls, then polls the keys' version row every
/// <see cref="SeatServiceOptions.ApiKeyRefreshInterval"/> (1 s) and reloads when it moved: a key created or revoked on
/// any replica, or with the <c>keys</c> command, counts here within one interval plus one reload. Changes made through
/// this server's ApiKeyService reload at once. Expiry needs no reload: it is compared with the clock on every call.
/// </summary>
internal sealed class ApiKeyCache : IHostedService, IDisposable
{
    private readonly SeatStore _store;
    private readonly SeatServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Snapshot _snapshot = Snapshot.Empty;
    private Task? _polling;
    private bool _pollFailing;

    public ApiKeyCache(SeatStore store, SeatServiceOptions options, TimeProvider time, ILogger<ApiKeyCache> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Checks a presented key (the text after "Bearer ").</summary>
    public KeyCheck Check(ReadOnlySpan<char> key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (key.IsEmpty || !ApiKeyFormat.TryHash(key, hash))
        {
            return new KeyCheck(null, KeyRejection.Malformed, string.Empty);
        }

        var snapshot = Volatile.Read(ref _snapshot);
        var written = ApiKeyFormat.WrittenKeyId(key);
        ApiKeyEntry? entry;
        string keyId;
        if (written.IsEmpty)
        {
            keyId = ApiKeyFormat.KeyIdOf(key, hash);
            snapshot.ById.TryGetValue(keyId, out entry);
        }
        else
        {
            snapshot.ByWrittenId.TryGetValue(written, out entry);
            keyId = entry?.Key.KeyId ?? written.ToString();
        }

        // The id is public, so finding the entry by it leaks nothing; the secret is compared through its hash, in constant time.
        if (entry is null || !CryptographicOperations.FixedTimeEquals(entry.Hash, hash))
        {
            return new KeyCheck(null, KeyRejection.Invalid, keyId);
        }

        if (entry.Key.IsRevoked)
        {
            return new KeyCheck(null, KeyRejection.Revoked, keyId);
        }

        return entry.Key.IsExpiredAt(_time.GetUtcNow()) ? new KeyCheck(null, KeyRejection.Expired, keyId) : new KeyCheck(entry, default, keyId);
    }

    /// <summary>
    /// For a stream that outlives its first check: throws UNAUTHENTICATED once the caller's key is revoked, expired or gone.
    /// A caller without a key (none in tests of the domain) passes.
    /// </summary>
    public void ThrowIfNoLongerValid(Caller caller)
    {
        if (caller.KeyId is not { } keyId)
        {
            return;
        }

        var rejection = !Volatile.Read(ref _snapshot).ById.TryGetValue(keyId, out var entry) ? KeyRejection.Invalid
            : entry.Key.IsRevoked ? KeyRejection.Revoked
            : entry.Key.IsExpiredAt(_time.GetUtcNow()) ? KeyRejection.Expired
            : (KeyRejection?)null;
        if (rejection is { } refused)
        {
            throw StatusMapping.Unauthenticated(refused).ToRpcException();
        }
    }

    /// <summary>Reloads every key now (after a change made through this server).</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => ReloadAsync(onlyIfChanged: false, cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(onlyIfChanged: false, cancellationToken).ConfigureAwait(false);
        _polling = Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_polling is not null)
        {
            await _polling.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _reload.Dispose();
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.ApiKeyRefreshInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                await PollOnceAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task PollOnceAsync(CancellationToken stopping)
    {
        try
        {
            await ReloadAsync(onlyIfChanged: true, stopping).ConfigureAwait(false);
            if (_pollFailing)
            {
                _pollFailing = false;
                ServiceLog.KeyRefreshRecovered(_logger);
            }
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException or TimeoutException)
        {
            // The keys already loaded keep working; the next poll tries again. Logged once per outage.
            if (!_pollFailing)
            {
                _pollFailing = true;
                ServiceLog.KeyRefreshFailed(_logger, ex);
            }
        }
    }

    private async Task ReloadAsync(bool onlyIfChanged, CancellationToken cancellationToken)
    {
        var keys = _store.Keys;
        if (onlyIfChanged && await keys.ReadVersionAsync(cancellationToken).ConfigureAwait(false) == Volatile.Read(ref _snapshot).Version)
        {
            return;
        }

        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (version, stored) = await keys.LoadAllAsync(cancellationToken).ConfigureAwait(false);
            var entries = stored.Select(static key => new ApiKeyEntry(key)).ToArray();
            Volatile.Write(ref _snapshot, new Snapshot(version, entries.ToFrozenDictionary(static e => e.Key.KeyId, StringComparer.Ordinal)));
            ServiceLog.KeysLoaded(_logger, entries.Length, version);
        }
        finally
        {
            _reload.Release();
        }
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(-1, FrozenDictionary<string, ApiKeyEntry>.Empty);

        public Snapshot(long version, FrozenDictionary<string, ApiKeyEntry> byId)
        {
            Version = version;
            ById = byId;
            ByWrittenId = byId.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public long Version { get; }

        public FrozenDictionary<string, ApiKeyEntry> ById { get; }

        /// <summary>The same entries, found by a span of the presented key without allocating its id.</summary>
        public FrozenDictionary<string, ApiKeyEntry>.AlternateLookup<ReadOnlySpan<char>> ByWrittenId { get; }
    }
}
