namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Lets one write per pool into the database at a time from this process; the others wait here. On PostgreSQL every
/// write of a pool queues on the pool's row lock, and each COMMIT wakes every transaction queued there, which all
/// re-check the row and all but one go back to sleep: with 32 callers on one pool that herd was half of the database's
/// CPU per AssignSeat and gave a p99 of 400 ms. Waiting here holds no connection and wakes no one; across replicas the
/// row lock still orders the writers, with at most one waiter per replica. A gate lives while someone holds or awaits it.
/// </summary>
internal sealed class PoolWriteGate
{
    private readonly Dictionary<(string Tenant, string Pool), Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Waits for the pool's turn; disposing the lease lets the next writer of the pool in.</summary>
    public async Task<IDisposable> EnterAsync(string tenant, string pool, CancellationToken cancellationToken)
    {
        var key = (tenant, pool);
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entry, held: false);
            throw;
        }

        return new Lease(this, key, entry);
    }

    /// <summary>The pools with a writer inside or waiting.</summary>
    internal int ActivePools
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave((string, string) key, Entry entry, bool held)
    {
        lock (_lock)
        {
            if (held)
            {
                entry.Turn.Release();
            }

            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Turn.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(PoolWriteGate gate, (string, string) key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(key, entry, held: true);
            }
        }
    }
}
