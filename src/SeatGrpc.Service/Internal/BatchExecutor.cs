using Google.Protobuf;
using Google.Protobuf.Collections;
using SeatGrpc.Domain;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// One batch of seat changes, the same for BatchManageSeats and each ManageSeats message: validated, fingerprinted,
/// applied in one transaction. Both RPCs share the operation name and the stored form (a BatchManageSeatsResponse
/// without tokens), so a request id used on one replays on the other. Errors come back as a status, not thrown,
/// because a stream answers them in a message and goes on.
/// </summary>
internal static class BatchExecutor
{
    public const string Operation = "ManageSeats";

    /// <summary>
    /// Applies the batch. <paramref name="request"/> is a BatchManageSeatsRequest or a ManageSeatsRequest: their fields
    /// (parent 1, changes 2, request_id 3) encode alike, so the fingerprint is the same for both.
    /// </summary>
    public static async Task<BatchOutcome> ApplyAsync<TRequest>(
        TenantSeats seats,
        TRequest request, string parent, RepeatedField<Seats.V1.SeatChange> changes, string requestId, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
    {
        if (RequestValidator.ValidateBatch(parent, changes, requestId).ToStatus() is { } invalid)
        {
            return new BatchOutcome(null, invalid);
        }

        var key = RequestFingerprint.KeyFor(request, requestId, Operation);
        try
        {
            var result = await seats.ApplyBatchAsync(
                    parent, ProtoMapper.ToDomain(changes), key, static batch => EncodeForReplay(batch), cancellationToken)
                .ConfigureAwait(false);
            var response = result.Value is { } fresh
                ? ProtoMapper.ToProto(fresh)
                : BatchManageSeatsResponse.Parser.ParseFrom(result.StoredResponse.Span);
            return new BatchOutcome(response, null);
        }
        catch (SeatDomainException ex)
        {
            return new BatchOutcome(null, StatusMapping.FromDomain(ex));
        }
    }

    /// <summary>The pool's free seats, for the answer to a failed batch; 0 when the pool cannot be read.</summary>
    public static async Task<int> AvailableSeatsAsync(TenantSeats seats, string parent, CancellationToken cancellationToken)
    {
        if (!FieldRules.IsPoolName(parent))
        {
            return 0;
        }

        try
        {
            var pool = await seats.GetPoolAsync(parent, cancellationToken).ConfigureAwait(false);
            return pool.AvailableSeats;
        }
        catch (SeatDomainException)
        {
            return 0;
        }
    }

    private static byte[] EncodeForReplay(BatchResult batch)
    {
        var response = ProtoMapper.ToProto(batch);
        foreach (var result in response.Results)
        {
            result.InvitationToken = string.Empty;
        }

        return response.ToByteArray();
    }
}
