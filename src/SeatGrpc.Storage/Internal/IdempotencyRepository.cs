using Dapper;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Request ids and the encoded first response, written in the mutation's own transaction. The id is reserved
/// before the mutation runs, so a concurrent request with the same id (on any replica) waits for this one's
/// commit and then replays it, instead of running the mutation a second time. Ids are per tenant: another
/// tenant's id is unknown here, like one never used.
/// </summary>
internal sealed class IdempotencyRepository
{
    private const string SelectByRequestId = """
        SELECT request_id, operation, fingerprint, response, create_time
        FROM idempotency_records
        WHERE tenant = @Tenant AND request_id = @RequestId
        """;

    private const string ReserveRequestId = """
        INSERT INTO idempotency_records (tenant, request_id, operation, fingerprint, response, create_time)
        VALUES (@Tenant, @RequestId, @Operation, @Fingerprint, @Response, @CreateTime)
        ON CONFLICT (tenant, request_id) DO NOTHING
        RETURNING create_time
        """;

    private const string StoreResponse = """
        UPDATE idempotency_records SET response = @Response WHERE tenant = @Tenant AND request_id = @RequestId
        """;

    private const string DeleteOldest = """
        DELETE FROM idempotency_records
        WHERE (tenant, request_id) IN (
            SELECT tenant, request_id FROM idempotency_records
            WHERE create_time < @Cutoff
            ORDER BY create_time
            LIMIT @Limit)
        """;

    public async Task<IdempotencyRow?> FindAsync(StorageSession session, string tenant, string requestId, CancellationToken cancellationToken)
    {
        var command = session.Command(SelectByRequestId).With("@Tenant", tenant).With("@RequestId", requestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new IdempotencyRow
        {
            Tenant = tenant,
            RequestId = reader.GetString(0),
            Operation = reader.GetString(1),
            Fingerprint = reader.GetFieldValue<byte[]>(2),
            Response = reader.GetFieldValue<byte[]>(3),
            CreateTime = reader.GetInt64(4),
        };
    }

    /// <summary>
    /// Inserts the record (its response filled in later by <see cref="CompleteAsync"/>); false when the id is
    /// already taken, which on PostgreSQL is known only once the other transaction has committed.
    /// </summary>
    public async Task<bool> TryReserveAsync(StorageSession session, IdempotencyRow row, CancellationToken cancellationToken)
    {
        var command = session.Command(ReserveRequestId)
            .With("@Tenant", row.Tenant)
            .With("@RequestId", row.RequestId)
            .With("@Operation", row.Operation)
            .With("@Fingerprint", row.Fingerprint)
            .With("@Response", row.Response)
            .With("@CreateTime", row.CreateTime);
        return await command.ScalarInt64Async(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Stores the encoded result of the mutation for which the id was reserved (held back until the commit where it can be).</summary>
    public Task CompleteAsync(StorageSession session, string tenant, string requestId, byte[] response, CancellationToken cancellationToken)
    {
        var command = session.Deferrable(StoreResponse)
            .With("@Tenant", tenant)
            .With("@RequestId", requestId)
            .With("@Response", response);
        return session.RunOrDeferAsync(command, cancellationToken);
    }

    /// <summary>Deletes at most <paramref name="limit"/> records created before <paramref name="cutoff"/>.</summary>
    public Task<int> PurgeAsync(StorageSession session, long cutoff, int limit, CancellationToken cancellationToken)
    {
        return session.Connection.ExecuteAsync(
            new CommandDefinition(DeleteOldest, new { Cutoff = cutoff, Limit = limit }, session.Transaction, cancellationToken: cancellationToken));
    }
}
