using Google.Protobuf.WellKnownTypes;
using Domain = SeatGrpc.Domain;
using V1 = Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>Domain records to seats.v1 messages: names as they are, times as Timestamps, absent values as defaults.</summary>
internal static class ProtoMapper
{
    public static V1.Seat ToProto(Domain.Seat seat)
    {
        var message = new V1.Seat
        {
            Name = seat.Name,
            Parent = seat.Parent,
            Status = ToProto(seat.Status),
            Email = seat.Grantee.Email ?? string.Empty,
            CustomerId = seat.Grantee.CustomerId ?? string.Empty,
            ExternalCustomerId = seat.Grantee.ExternalCustomerId ?? string.Empty,
            InvitationExpireTime = ToTimestamp(seat.InvitationExpireTime),
            ClaimTime = ToTimestamp(seat.ClaimTime),
            RevokeTime = ToTimestamp(seat.RevokeTime),
            CreateTime = Timestamp.FromDateTimeOffset(seat.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(seat.UpdateTime),
            Etag = seat.Etag,
        };
        foreach (var (key, value) in seat.Metadata)
        {
            message.Metadata.Add(key, value);
        }

        return message;
    }

    public static V1.SeatPool ToProto(Domain.Pool pool) => new()
    {
        Name = pool.Name,
        TotalSeats = pool.TotalSeats,
        CustomerId = pool.CustomerId,
        MinSeats = pool.MinSeats,
        MaxSeats = pool.MaxSeats,
        OccupiedSeats = pool.OccupiedSeats,
        AvailableSeats = pool.AvailableSeats,
        CreateTime = Timestamp.FromDateTimeOffset(pool.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(pool.UpdateTime),
        Etag = pool.Etag,
    };

    public static V1.SeatEvent ToProto(Domain.SeatEvent seatEvent) => new()
    {
        Parent = seatEvent.Parent,
        Sequence = seatEvent.Sequence,
        Type = ToProto(seatEvent.Type),
        Seat = seatEvent.SeatName ?? string.Empty,
        Grantee = ToProto(seatEvent.Grantee),
        PreviousGrantee = ToProto(seatEvent.PreviousGrantee),
        TotalSeats = seatEvent.TotalSeats ?? 0,
        RequestId = seatEvent.RequestId ?? string.Empty,
        CreateTime = Timestamp.FromDateTimeOffset(seatEvent.Time),
        ApiKey = seatEvent.KeyId is { } keyId ? ApiKeyCommands.NamePrefix + keyId : string.Empty,
    };

    public static V1.SeatChangeResult ToProto(Domain.AssignedSeat result) => new()
    {
        Seat = ToProto(result.Seat),
        InvitationToken = result.InvitationToken ?? string.Empty,
    };

    public static V1.BatchManageSeatsResponse ToProto(Domain.BatchResult batch)
    {
        var response = new V1.BatchManageSeatsResponse { AvailableSeats = batch.AvailableSeats };
        foreach (var result in batch.Results)
        {
            response.Results.Add(ToProto(result));
        }

        return response;
    }

    public static V1.ClaimedSubscription ToProto(Domain.ClaimedSubscription claimed) => new()
    {
        Pool = ToProto(claimed.Pool),
        Seat = ToProto(claimed.Seat),
    };

    public static V1.SeatStatus ToProto(Domain.SeatStatus status) => status switch
    {
        Domain.SeatStatus.Pending => V1.SeatStatus.Pending,
        Domain.SeatStatus.Claimed => V1.SeatStatus.Claimed,
        Domain.SeatStatus.Revoked => V1.SeatStatus.Revoked,
        _ => V1.SeatStatus.Unspecified,
    };

    /// <summary>The list filter: unspecified means "occupying capacity", which the domain spells null.</summary>
    public static Domain.SeatStatus? ToDomain(V1.SeatStatus status) => status switch
    {
        V1.SeatStatus.Pending => Domain.SeatStatus.Pending,
        V1.SeatStatus.Claimed => Domain.SeatStatus.Claimed,
        V1.SeatStatus.Revoked => Domain.SeatStatus.Revoked,
        _ => null,
    };

    public static V1.SeatEventType ToProto(Domain.SeatEventType type) => type switch
    {
        Domain.SeatEventType.Assigned => V1.SeatEventType.Assigned,
        Domain.SeatEventType.Claimed => V1.SeatEventType.Claimed,
        Domain.SeatEventType.Revoked => V1.SeatEventType.Revoked,
        Domain.SeatEventType.InvitationResent => V1.SeatEventType.InvitationResent,
        Domain.SeatEventType.Unassigned => V1.SeatEventType.Unassigned,
        Domain.SeatEventType.Replaced => V1.SeatEventType.Replaced,
        Domain.SeatEventType.PoolResized => V1.SeatEventType.PoolResized,
        _ => V1.SeatEventType.Unspecified,
    };

    public static V1.Grantee? ToProto(Domain.Grantee? grantee) => grantee is null
        ? null
        : new V1.Grantee
        {
            Email = grantee.Email ?? string.Empty,
            CustomerId = grantee.CustomerId ?? string.Empty,
            ExternalCustomerId = grantee.ExternalCustomerId ?? string.Empty,
        };

    public static Domain.Grantee ToDomain(V1.Grantee grantee) => ToGrantee(grantee.Email, grantee.CustomerId, grantee.ExternalCustomerId);

    public static Domain.Grantee ToGrantee(string email, string customerId, string externalCustomerId) =>
        new(NullIfEmpty(email), NullIfEmpty(customerId), NullIfEmpty(externalCustomerId));

    /// <summary>A validated change (exactly one kind set, grantees present) as the domain's change.</summary>
    public static Domain.SeatChange ToDomain(V1.SeatChange change) => change.ChangeCase switch
    {
        V1.SeatChange.ChangeOneofCase.Assign => new Domain.AssignChange(
            ToDomain(change.Assign.Grantee), Copy(change.Assign.Metadata), change.Assign.ImmediateClaim),
        V1.SeatChange.ChangeOneofCase.Unassign => new Domain.UnassignChange(ToDomain(change.Unassign.Grantee)),
        V1.SeatChange.ChangeOneofCase.Replace => new Domain.ReplaceChange(
            ToDomain(change.Replace.CurrentGrantee),
            ToDomain(change.Replace.NewGrantee),
            Copy(change.Replace.Metadata),
            change.Replace.ImmediateClaim),
        _ => throw new ArgumentException("The change has no kind; validate it first.", nameof(change)),
    };

    public static IReadOnlyList<Domain.SeatChange> ToDomain(IReadOnlyList<V1.SeatChange> changes)
    {
        var result = new Domain.SeatChange[changes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ToDomain(changes[i]);
        }

        return result;
    }

    public static IReadOnlyDictionary<string, string>? Copy(IDictionary<string, string> metadata) =>
        metadata.Count == 0 ? null : new Dictionary<string, string>(metadata, StringComparer.Ordinal);

    public static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static Timestamp? ToTimestamp(DateTimeOffset? time) => time is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
