using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Request ids and the encoded first response, written in the mutation's own transaction. The id is reserved
/// before the mutation runs, so a concurrent request with the same id (on any replica) waits for this one's
/// commit and then replays it, instead of running the mutation a second time.
/// </summary>
internal sealed class IdempotencyRepository
{
    private const string SelectByRequestId = """
        SELECT request_id, operation, fingerprint, response, create_time
        FROM idempotency_records
        WHERE request_id = @RequestId
        """;

    private const string ReserveRequestId = """
        INSERT INTO idempotency_records (request_id, operation, fingerprint, response, create_time)
        VALUES (@RequestId, @Operation, @Fingerprint, @Response, @CreateTime)
        ON CONFLICT (request_id) DO NOTHING
        RETURNING create_time
        """;

    private const string StoreResponse = """
        UPDATE idempotency_records SET response = @Response WHERE request_id = @RequestId
        """;

    private const string DeleteOldest = """
        DELETE FROM idempotency_records
        WHERE request_id IN (
            SELECT request_id FROM idempotency_records
            WHERE create_time < @Cutoff
            ORDER BY create_time
            LIMIT @Limit)
        """;

    public Task<IdempotencyRow?> FindAsync(StorageSession session, string requestId, CancellationToken cancellationToken)
    {
        return session.Connection.QuerySingleOrDefaultAsync<IdempotencyRow?>(
            new CommandDefinition(SelectByRequestId, new { RequestId = requestId }, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Inserts the record (its response filled in later by <see cref="CompleteAsync"/>); false when the id is
    /// already taken, which on PostgreSQL is known only once the other transaction has committed.
    /// </summary>
    public async Task<bool> TryReserveAsync(StorageSession session, IdempotencyRow row, CancellationToken cancellationToken)
    {
        var created = await session.Connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(ReserveRequestId, row, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return created is not null;
    }

    /// <summary>Stores the encoded result of the mutation for which the id was reserved.</summary>
    public Task CompleteAsync(StorageSession session, string requestId, byte[] response, CancellationToken cancellationToken)
    {
        return session.Connection.ExecuteAsync(
            new CommandDefinition(StoreResponse, new { RequestId = requestId, Response = response }, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes at most <paramref name="limit"/> records created before <paramref name="cutoff"/>.</summary>
    public Task<int> PurgeAsync(StorageSession session, long cutoff, int limit, CancellationToken cancellationToken)
    {
        return session.Connection.ExecuteAsync(
            new CommandDefinition(DeleteOldest, new { Cutoff = cutoff, Limit = limit }, session.Transaction, cancellationToken: cancellationToken));
    }
}
