using System.Buffers.Text;
using System.Security.Cryptography;

namespace SeatGrpc.Domain.Internal;

/// <summary>Seat identifiers and invitation tokens, URL-safe base64 without padding.</summary>
internal static class RandomIds
{
    private const char TokenSeparator = '.';

    /// <summary>
    /// 128 bits, 22 characters: the creation time in milliseconds (48 bits, big-endian, so the first 8 characters) and
    /// 80 random bits, in the manner of UUIDv7 and ULID. Seats created close together get neighbouring keys, so the
    /// unique index on public_id takes a batch's inserts in a few pages instead of one random page each; fully random
    /// ids dirtied a page per seat, and that page had to be written to the WAL at every commit. 80 random bits keep the
    /// ids unguessable; they were never secrets (the invitation token is).
    /// </summary>
    public static string NewSeatId() => NewSeatId(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    internal static string NewSeatId(long unixMilliseconds)
    {
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> time = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(time, unixMilliseconds);
        time[2..].CopyTo(bytes);
        RandomNumberGenerator.Fill(bytes[6..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// An invitation token for the seat <paramref name="seatId"/>: <c>{seat id}.{secret}</c>, the secret 256 random bits
    /// (43 characters), and the SHA-256 hash of the whole token that is all the database keeps. Naming the seat lets a
    /// claim find it by its public id, so no index on the random hashes is needed (one random page dirtied per seat).
    /// </summary>
    public static (string Token, byte[] Hash) NewInvitationToken(string seatId)
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        var token = $"{seatId}{TokenSeparator}{Base64Url.EncodeToString(bytes)}";
        return (token, HashToken(token));
    }

    /// <summary>
    /// The seat an invitation token names, or null for a token of schema version 2 (no '.'). A malformed seat part gives
    /// an id that matches no seat, so such a token fails as a wrong one does.
    /// </summary>
    public static string? SeatIdOfToken(string token)
    {
        var separator = token.IndexOf(TokenSeparator, StringComparison.Ordinal);
        return separator < 0 ? null : token[..separator];
    }

    public static byte[] HashToken(string token)
    {
        return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
    }

    public static byte[] NewSecret()
    {
        return RandomNumberGenerator.GetBytes(32);
    }
}
