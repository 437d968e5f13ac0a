namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Parses <c>grpc-timeout</c>: at most 8 ASCII digits followed by one unit of H, M, S, m, u or n.</summary>
internal static class GrpcTimeout
{
    private const int MaxDigits = 8;

    /// <summary>Parses a timeout value.</summary>
    /// <param name="value">The header value.</param>
    /// <param name="timeout">The timeout; zero or more.</param>
    /// <returns>False when the value is malformed.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        if (value.Length < 2 || value.Length > MaxDigits + 1)
        {
            return false;
        }

        long amount = 0;
        foreach (var c in value[..^1])
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        // 99,999,999 hours is 3.6e18 ticks, which still fits in a long.
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => DivideRoundingUp(amount, TimeSpan.NanosecondsPerTick),
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    private static long DivideRoundingUp(long value, long divisor) => (value + divisor - 1) / divisor;
}
