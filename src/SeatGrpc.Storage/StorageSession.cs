using System.Data.Common;

namespace SeatGrpc.Storage;

/// <summary>
/// One connection and, for writes and snapshot reads, one transaction. Disposing without
/// <see cref="CommitAsync"/> rolls back. Repositories take the session as their first argument.
/// </summary>
public sealed class StorageSession : IAsyncDisposable
{
    private readonly IDisposable? _writerLease;
    private bool _disposed;

    internal StorageSession(DbConnection connection, DbTransaction? transaction, IDisposable? writerLease)
    {
        Connection = connection;
        Transaction = transaction;
        _writerLease = writerLease;
    }

    internal DbConnection Connection { get; }

    internal DbTransaction? Transaction { get; }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        return Transaction is null ? Task.CompletedTask : Transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (Transaction is not null)
            {
                await Transaction.DisposeAsync().ConfigureAwait(false);
            }

            await Connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writerLease?.Dispose();
        }
    }
}
