using System.Globalization;
using SeatGrpc.Storage.Internal;

namespace SeatGrpc.Domain.Internal;

/// <summary>Storage rows to domain records.</summary>
internal static class RowMapper
{
    public static Seat ToSeat(SeatRow row, string? parent = null)
    {
        return new Seat(
            ResourceNames.SeatName(row.PublicId),
            parent ?? row.Parent,
            ToStatus(row.Status),
            new Grantee(row.Email, row.CustomerId, row.ExternalCustomerId),
            MetadataCodec.Decode(row.Metadata),
            UnixMicros.ToTime(row.InvitationExpireTime),
            UnixMicros.ToTime(row.ClaimTime),
            UnixMicros.ToTime(row.RevokeTime),
            UnixMicros.ToTime(row.CreateTime),
            UnixMicros.ToTime(row.UpdateTime),
            Etag(row.Version));
    }

    public static Pool ToPool(PoolRow row)
    {
        return new Pool(
            row.Name,
            checked((int)row.TotalSeats),
            row.CustomerId,
            checked((int)row.MinSeats),
            checked((int)row.MaxSeats),
            checked((int)row.OccupiedSeats),
            UnixMicros.ToTime(row.CreateTime),
            UnixMicros.ToTime(row.UpdateTime),
            Etag(row.Version));
    }

    public static SeatEvent ToEvent(SeatEventRow row, string parent)
    {
        var type = ToEventType(row.Type);
        var grantee = row.Email is null && row.CustomerId is null && row.ExternalCustomerId is null
            ? null
            : new Grantee(row.Email, row.CustomerId, row.ExternalCustomerId);
        var previous = row.PreviousEmail is null && row.PreviousCustomerId is null && row.PreviousExternalCustomerId is null
            ? null
            : new Grantee(row.PreviousEmail, row.PreviousCustomerId, row.PreviousExternalCustomerId);
        return new SeatEvent(
            parent,
            row.Sequence,
            type,
            row.SeatName,
            grantee,
            row.PreviousSeatName,
            previous,
            row.TotalSeats is { } total ? checked((int)total) : null,
            UnixMicros.ToTime(row.Time),
            row.RequestId,
            row.KeyId);
    }

    public static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    public static SeatStatus ToStatus(string status) => status switch
    {
        SeatStatusNames.Pending => SeatStatus.Pending,
        SeatStatusNames.Claimed => SeatStatus.Claimed,
        SeatStatusNames.Revoked => SeatStatus.Revoked,
        _ => throw new InvalidOperationException($"Unknown seat status '{status}' in the database."),
    };

    public static string ToStatusName(SeatStatus status) => status switch
    {
        SeatStatus.Pending => SeatStatusNames.Pending,
        SeatStatus.Claimed => SeatStatusNames.Claimed,
        SeatStatus.Revoked => SeatStatusNames.Revoked,
        _ => throw new SeatDomainException(SeatErrorKind.InvalidArgument, "Unknown seat status filter."),
    };

    public static string ToEventTypeName(SeatEventType type) => type switch
    {
        SeatEventType.Assigned => "assigned",
        SeatEventType.Claimed => "claimed",
        SeatEventType.Revoked => "revoked",
        SeatEventType.InvitationResent => "invitation_resent",
        SeatEventType.Unassigned => "unassigned",
        SeatEventType.Replaced => "replaced",
        SeatEventType.PoolResized => "pool_resized",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static SeatEventType ToEventType(string type) => type switch
    {
        "assigned" => SeatEventType.Assigned,
        "claimed" => SeatEventType.Claimed,
        "revoked" => SeatEventType.Revoked,
        "invitation_resent" => SeatEventType.InvitationResent,
        "unassigned" => SeatEventType.Unassigned,
        "replaced" => SeatEventType.Replaced,
        "pool_resized" => SeatEventType.PoolResized,
        _ => throw new InvalidOperationException($"Unknown seat event type '{type}' in the database."),
    };
}
