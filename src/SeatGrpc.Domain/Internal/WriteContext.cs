using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// What one write transaction shares: the session, the repositories, the transaction's clock reading, the caller
/// (whose tenant every statement is scoped to, and whose key the events record), the request id for events, and the
/// event sequences to announce once it commits.
/// </summary>
internal sealed class WriteContext
{
    private readonly List<(string PoolKey, long Sequence)> _announcements = new(1);
    private readonly List<SeatEventType> _eventTypes = new(1);

    public WriteContext(SeatDatabase database, StorageSession session, long now, Caller caller, string? requestId)
    {
        Database = database;
        Session = session;
        Now = now;
        Caller = caller;
        RequestId = requestId;
    }

    public SeatDatabase Database { get; }

    public StorageSession Session { get; }

    /// <summary>Microseconds since the Unix epoch, one reading for the whole transaction.</summary>
    public long Now { get; }

    public Caller Caller { get; }

    /// <summary>The caller's tenant: the only one whose rows this transaction reads or writes.</summary>
    public string Tenant => Caller.Tenant;

    public string? RequestId { get; }

    /// <summary>The pool stamp of the latest capacity or sequence change in this transaction.</summary>
    public PoolStamp? LastStamp { get; private set; }

    public Task AppendEventAsync(
        PoolStamp stamp,
        SeatEventType type,
        string? seatName,
        GranteeKey? grantee,
        CancellationToken cancellationToken,
        string? previousSeatName = null,
        GranteeKey? previousGrantee = null,
        long? totalSeats = null)
    {
        LastStamp = stamp;
        _announcements.Add((PoolKeys.Format(stamp.Id), stamp.LastEventSequence));
        var row = new SeatEventRow
        {
            PoolId = stamp.Id,
            Sequence = stamp.LastEventSequence,
            Tenant = Tenant,
            Type = RowMapper.ToEventTypeName(type),
            SeatName = seatName,
            PreviousSeatName = previousSeatName,
            Email = grantee?.Email,
            CustomerId = grantee?.CustomerId,
            ExternalCustomerId = grantee?.ExternalCustomerId,
            PreviousEmail = previousGrantee?.Email,
            PreviousCustomerId = previousGrantee?.CustomerId,
            PreviousExternalCustomerId = previousGrantee?.ExternalCustomerId,
            TotalSeats = totalSeats,
            Time = Now,
            RequestId = RequestId,
            KeyId = Caller.KeyId,
        };
        _eventTypes.Add(type);
        return Database.Events.AppendAsync(Session, row, cancellationToken);
    }

    /// <summary>
    /// Builds an event row for the bulk batch path, which writes the rows of a batch together at its end
    /// (<see cref="SeatGrpc.Storage.Internal.SeatEventRepository.AppendManyAsync"/>) and announces its last sequence once.
    /// </summary>
    public SeatEventRow EventRow(long poolId, long sequence, SeatEventType type, string? seatName, GranteeKey? grantee)
    {
        // Counted like an appended event: the seat metrics read these types after the commit.
        _eventTypes.Add(type);
        return new SeatEventRow
        {
            PoolId = poolId,
            Sequence = sequence,
            Tenant = Tenant,
            Type = RowMapper.ToEventTypeName(type),
            SeatName = seatName,
            Email = grantee?.Email,
            CustomerId = grantee?.CustomerId,
            ExternalCustomerId = grantee?.ExternalCustomerId,
            Time = Now,
            RequestId = RequestId,
            KeyId = Caller.KeyId,
        };
    }

    /// <summary>Records that the pool has new events up to <paramref name="sequence"/>, to announce after the commit.</summary>
    public void AddAnnouncement(long poolId, long sequence) => _announcements.Add((PoolKeys.Format(poolId), sequence));

    /// <summary>The highest new event sequence of each pool (by <see cref="PoolKeys"/>) written in this transaction.</summary>
    public IEnumerable<(string PoolKey, long Sequence)> LatestSequences()
    {
        if (_announcements.Count == 1)
        {
            return _announcements;
        }

        return _announcements.GroupBy(static a => a.PoolKey, StringComparer.Ordinal).Select(static g => (g.Key, g.Max(static a => a.Sequence)));
    }

    /// <summary>Tells watchers about the committed events, and counts them; call only after the commit.</summary>
    public void Announce(ISeatEventNotifier notifier)
    {
        SeatMetrics.Committed(_eventTypes);
        foreach (var (poolKey, sequence) in _announcements)
        {
            notifier.Publish(poolKey, sequence);
        }
    }
}
