using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// One operation waiting in <see cref="GroupCommitter"/>'s queue. It runs inside the group's transaction and keeps its
/// outcome, a result or an error, until the group's COMMIT has returned: only then is its caller answered. Even an
/// error waits, because it may rest on an earlier operation of the same group (the grantee it just seated).
/// </summary>
internal abstract class PendingWrite
{
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>
    /// Runs the operation in the group's open transaction (of <paramref name="groupSize"/> operations); throws its error,
    /// which the committer rolls back to the savepoint.
    /// </summary>
    public abstract Task ExecuteAsync(StorageSession session, int groupSize);

    /// <summary>Keeps the operation's own error, to be delivered after the commit.</summary>
    public abstract void Reject(Exception error);

    /// <summary>After the COMMIT: answers the caller with the kept outcome and announces its events.</summary>
    public abstract void Publish(ISeatEventNotifier notifier);

    /// <summary>The group did not commit: answers the caller with that failure, whatever its own outcome was.</summary>
    public abstract void Abandon(Exception error);
}
