using System.Buffers.Binary;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Version-4 UUIDs drawn from a seeded generator, so a seed replays the same request ids.</summary>
internal static class RequestIds
{
    public static string Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        Fill(random, bytes);
        return new Guid(bytes).ToString();
    }

    /// <summary>
    /// A request id unique within the run whatever the generator: a client's steps draw from generators seeded with
    /// 31-bit numbers, and among thousands of steps two of them share a seed now and then, so the last six bytes (the
    /// UUID's node) carry the client and the id's serial number within it.
    /// </summary>
    public static string Next(Random random, int client, int serial)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        Fill(random, bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[10..], checked((ushort)client));
        BinaryPrimitives.WriteInt32BigEndian(bytes[12..], serial);
        return new Guid(bytes).ToString();
    }

    private static void Fill(Random random, Span<byte> bytes)
    {
        random.NextBytes(bytes);

        // Guid's byte layout keeps the version in the high nibble of byte 7 and the variant in byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
    }
}
