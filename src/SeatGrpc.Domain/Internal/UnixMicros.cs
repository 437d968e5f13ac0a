namespace SeatGrpc.Domain.Internal;

/// <summary>Times are stored as integer microseconds since the Unix epoch (UTC): they sort as numbers.</summary>
internal static class UnixMicros
{
    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset ToTime(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);

    public static DateTimeOffset? ToTime(long? micros) => micros is { } value ? ToTime(value) : null;
}
