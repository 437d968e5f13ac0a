using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>Request ids and the encoded first response, written in the mutation's own transaction.</summary>
internal sealed class IdempotencyRepository
{
    private const string SelectByRequestId = """
        SELECT request_id, operation, fingerprint, response, create_time
        FROM idempotency_records
        WHERE request_id = @RequestId
        """;

    private const string InsertRecord = """
        INSERT INTO idempotency_records (request_id, operation, fingerprint, response, create_time)
        VALUES (@RequestId, @Operation, @Fingerprint, @Response, @CreateTime)
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

    public Task InsertAsync(StorageSession session, IdempotencyRow row, CancellationToken cancellationToken)
    {
        return session.Connection.ExecuteAsync(
            new CommandDefinition(InsertRecord, row, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes at most <paramref name="limit"/> records created before <paramref name="cutoff"/>.</summary>
    public Task<int> PurgeAsync(StorageSession session, long cutoff, int limit, CancellationToken cancellationToken)
    {
        return session.Connection.ExecuteAsync(
            new CommandDefinition(DeleteOldest, new { Cutoff = cutoff, Limit = limit }, session.Transaction, cancellationToken: cancellationToken));
    }
}
