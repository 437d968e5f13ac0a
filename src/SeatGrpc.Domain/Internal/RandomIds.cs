using System.Buffers.Text;
using System.Security.Cryptography;

namespace SeatGrpc.Domain.Internal;

/// <summary>Random identifiers and invitation tokens, URL-safe base64 without padding.</summary>
internal static class RandomIds
{
    /// <summary>128 random bits: 22 characters.</summary>
    public static string NewSeatId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>A 256-bit invitation token (43 characters) and the SHA-256 hash that is all the database keeps.</summary>
    public static (string Token, byte[] Hash) NewInvitationToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        var token = Base64Url.EncodeToString(bytes);
        return (token, HashToken(token));
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
