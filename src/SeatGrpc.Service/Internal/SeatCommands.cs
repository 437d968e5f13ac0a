using Google.Protobuf;
using SeatGrpc.Domain;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// The single-resource mutations. Each validates, calls the domain with its idempotency key, and answers either the
/// fresh result or the decoded replay, within the caller's tenant. Stored replays never hold an invitation token
/// (tokens live only as hashes).
/// </summary>
internal static class SeatCommands
{
    public static async Task<AssignSeatResponse> AssignSeatAsync(TenantSeats seats, AssignSeatRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var key = RequestFingerprint.KeyFor(request, request.RequestId, nameof(SeatService.SeatServiceBase.AssignSeat));
        var result = await seats.AssignSeatAsync(
                request.Parent,
                ProtoMapper.ToGrantee(request.Email, request.CustomerId, request.ExternalCustomerId),
                ProtoMapper.Copy(request.Metadata),
                request.ImmediateClaim,
                key,
                static assigned => new AssignSeatResponse { Seat = ProtoMapper.ToProto(assigned.Seat) }.ToByteArray(),
                cancellationToken)
            .ConfigureAwait(false);
        return result.Value is { } fresh
            ? new AssignSeatResponse { Seat = ProtoMapper.ToProto(fresh.Seat), InvitationToken = fresh.InvitationToken ?? string.Empty }
            : AssignSeatResponse.Parser.ParseFrom(result.StoredResponse.Span);
    }

    public static async Task<RevokeSeatResponse> RevokeSeatAsync(TenantSeats seats, RevokeSeatRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var key = RequestFingerprint.KeyFor(request, request.RequestId, nameof(SeatService.SeatServiceBase.RevokeSeat));
        var result = await seats.RevokeSeatAsync(
                request.Name, ProtoMapper.NullIfEmpty(request.Etag), key, static seat => new RevokeSeatResponse { Seat = ProtoMapper.ToProto(seat) }.ToByteArray(),
                cancellationToken)
            .ConfigureAwait(false);
        return result.Value is { } fresh
            ? new RevokeSeatResponse { Seat = ProtoMapper.ToProto(fresh) }
            : RevokeSeatResponse.Parser.ParseFrom(result.StoredResponse.Span);
    }

    public static async Task<ResendInvitationResponse> ResendInvitationAsync(TenantSeats seats, ResendInvitationRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var key = RequestFingerprint.KeyFor(request, request.RequestId, nameof(SeatService.SeatServiceBase.ResendInvitation));
        var result = await seats.ResendInvitationAsync(
                request.Name, key, static assigned => new ResendInvitationResponse { Seat = ProtoMapper.ToProto(assigned.Seat) }.ToByteArray(),
                cancellationToken)
            .ConfigureAwait(false);
        return result.Value is { } fresh
            ? new ResendInvitationResponse { Seat = ProtoMapper.ToProto(fresh.Seat), InvitationToken = fresh.InvitationToken ?? string.Empty }
            : ResendInvitationResponse.Parser.ParseFrom(result.StoredResponse.Span);
    }

    public static async Task<ClaimSeatResponse> ClaimSeatAsync(TenantSeats seats, ClaimSeatRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var key = RequestFingerprint.KeyFor(request, request.RequestId, nameof(SeatService.SeatServiceBase.ClaimSeat));
        var result = await seats.ClaimSeatAsync(
                request.InvitationToken, ProtoMapper.NullIfEmpty(request.CustomerId), key,
                static seat => new ClaimSeatResponse { Seat = ProtoMapper.ToProto(seat) }.ToByteArray(), cancellationToken)
            .ConfigureAwait(false);
        return result.Value is { } fresh
            ? new ClaimSeatResponse { Seat = ProtoMapper.ToProto(fresh) }
            : ClaimSeatResponse.Parser.ParseFrom(result.StoredResponse.Span);
    }

    public static async Task<UpsertSeatPoolResponse> UpsertSeatPoolAsync(TenantSeats seats, UpsertSeatPoolRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var pool = request.Pool;
        var key = RequestFingerprint.KeyFor(request, request.RequestId, nameof(SeatService.SeatServiceBase.UpsertSeatPool));
        var settings = new PoolSettings(pool.Name, pool.TotalSeats, pool.CustomerId, pool.MinSeats, pool.MaxSeats);
        var result = await seats.UpsertPoolAsync(
                settings, key, static stored => new UpsertSeatPoolResponse { Pool = ProtoMapper.ToProto(stored) }.ToByteArray(), cancellationToken)
            .ConfigureAwait(false);
        return result.Value is { } fresh
            ? new UpsertSeatPoolResponse { Pool = ProtoMapper.ToProto(fresh) }
            : UpsertSeatPoolResponse.Parser.ParseFrom(result.StoredResponse.Span);
    }
}
