namespace SeatGrpc.Domain.Internal;

/// <summary>
/// A conditional update changed no row although the transaction's own read said it would: a writer on another
/// connection (another replica, on PostgreSQL) changed the row in between. <see cref="WriteRunner"/> rolls back
/// and runs the transaction again, which re-reads the row. Never reaches callers.
/// </summary>
internal sealed class WriteConflictException : Exception
{
    public WriteConflictException()
    {
    }

    public WriteConflictException(string message)
        : base(message)
    {
    }

    public WriteConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
