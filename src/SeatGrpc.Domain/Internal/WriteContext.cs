using SeatGrpc.Storage;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// What one write transaction shares: the session, the repositories, the transaction's clock reading,
/// the request id for events, and the event sequences to announce once it commits.
/// </summary>
internal sealed class WriteContext
{
    private readonly List<(string Parent, long Sequence)> _announcements = new(1);
    private readonly List<SeatEventType> _eventTypes = new(1);

    public WriteContext(SeatDatabase database, StorageSession session, long now, string? requestId)
    {
        Database = database;
        Session = session;
        Now = now;
        RequestId = requestId;
    }

    public SeatDatabase Database { get; }

    public StorageSession Session { get; }

    /// <summary>Microseconds since the Unix epoch, one reading for the whole transaction.</summary>
    public long Now { get; }

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
        _announcements.Add((stamp.Name, stamp.LastEventSequence));
        var row = new SeatEventRow
        {
            PoolId = stamp.Id,
            Sequence = stamp.LastEventSequence,
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
        };
        _eventTypes.Add(type);
        return Database.Events.AppendAsync(Session, row, cancellationToken);
    }

    /// <summary>The highest new event sequence of each pool written in this transaction.</summary>
    public IEnumerable<(string Parent, long Sequence)> LatestSequences()
    {
        if (_announcements.Count == 1)
        {
            return _announcements;
        }

        return _announcements.GroupBy(static a => a.Parent, StringComparer.Ordinal).Select(static g => (g.Key, g.Max(static a => a.Sequence)));
    }

    /// <summary>Tells watchers about the committed events, and counts them; call only after the commit.</summary>
    public void Announce(ISeatEventNotifier notifier)
    {
        SeatMetrics.Committed(_eventTypes);
        foreach (var (parent, sequence) in _announcements)
        {
            notifier.Publish(parent, sequence);
        }
    }
}
