namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Version-4 UUIDs drawn from a seeded generator, so a seed replays the same request ids.</summary>
internal static class RequestIds
{
    public static string Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);

        // Guid's byte layout keeps the version in the high nibble of byte 7 and the variant in byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
