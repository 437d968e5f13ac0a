using Microsoft.Extensions.Logging;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Applies a batch of changes to one pool inside one transaction. The first failing change aborts the
/// batch; its error names the change's index, and the caller's rollback leaves no trace of the others.
/// </summary>
internal sealed class BatchApplier
{
    private readonly SeatWriter _writer;
    private readonly BulkBatchApplier _bulk;
    private readonly ILogger _logger;

    public BatchApplier(SeatWriter writer, ILogger logger)
    {
        _writer = writer;
        _bulk = new BulkBatchApplier(writer);
        _logger = logger;
    }

    public async Task<BatchResult> ApplyAsync(
        WriteContext context, string parent, IReadOnlyList<SeatChange> changes, CancellationToken cancellationToken)
    {
        if (BulkBatchApplier.Covers(changes))
        {
            try
            {
                var result = await _bulk.ApplyAsync(context, parent, changes, cancellationToken).ConfigureAwait(false);
                SeatMetrics.BatchApplied(changes.Count);
                return result;
            }
            catch (SeatDomainException ex) when (ex is { ChangeIndex: { } index, ChangeError: { } error })
            {
                DomainLog.BatchRejected(_logger, parent, index, error.Kind);
                throw;
            }
        }

        var poolId = await SeatOperations.ResolvePoolAsync(context, parent, cancellationToken).ConfigureAwait(false);
        var results = new AssignedSeat[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            try
            {
                results[i] = await ApplyOneAsync(context, poolId, parent, changes[i], cancellationToken).ConfigureAwait(false);
            }
            catch (SeatDomainException ex)
            {
                DomainLog.BatchRejected(_logger, parent, i, ex.Kind);
                throw SeatDomainException.ForBatchChange(i, ex);
            }
        }

        SeatMetrics.BatchApplied(changes.Count);
        var available = context.LastStamp is { } stamp
            ? stamp.TotalSeats - stamp.OccupiedSeats
            : await AvailableSeatsAsync(context, parent, cancellationToken).ConfigureAwait(false);
        return new BatchResult(results, checked((int)available));
    }

    private async Task<AssignedSeat> ApplyOneAsync(
        WriteContext context, long poolId, string parent, SeatChange change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case AssignChange assign:
                return await _writer.AssignAsync(
                        context, poolId, parent, GranteeKey.From(assign.Grantee), MetadataCodec.Encode(assign.Metadata), assign.ImmediateClaim,
                        cancellationToken)
                    .ConfigureAwait(false);
            case UnassignChange unassign:
                var row = await SeatWriter.FindActiveAsync(context, poolId, parent, GranteeKey.From(unassign.Grantee), cancellationToken)
                    .ConfigureAwait(false);
                var seat = await SeatWriter.RevokeAsync(context, row, SeatEventType.Unassigned, cancellationToken).ConfigureAwait(false);
                return new AssignedSeat(seat, null);
            case ReplaceChange replace:
                return await _writer.ReplaceAsync(
                        context, poolId, parent, GranteeKey.From(replace.CurrentGrantee), GranteeKey.From(replace.NewGrantee),
                        MetadataCodec.Encode(replace.Metadata), replace.ImmediateClaim, cancellationToken)
                    .ConfigureAwait(false);
            default:
                throw new SeatDomainException(SeatErrorKind.InvalidArgument, "A change must be assign, unassign or replace.");
        }
    }

    private static async Task<long> AvailableSeatsAsync(WriteContext context, string parent, CancellationToken cancellationToken)
    {
        var pool = await context.Database.Pools.FindByNameAsync(context.Session, context.Tenant, parent, cancellationToken).ConfigureAwait(false);
        return pool is null ? 0 : pool.TotalSeats - pool.OccupiedSeats;
    }
}
