using System.Security.Cryptography;
using System.Text;
using SeatGrpc.Domain.Internal;

namespace SeatGrpc.Domain;

/// <summary>
/// What an authentication cache needs to know of a presented key without asking the database: its SHA-256 (what the
/// database keeps) and its public id (what the cache is keyed by, and what logs may show).
/// </summary>
public static class ApiKeyFormat
{
    /// <summary>The longest key accepted; longer ones are malformed.</summary>
    public const int MaxLength = ApiKeySecrets.MaxLength;

    /// <summary>The SHA-256 of the key's UTF-8 bytes into <paramref name="destination"/> (32 bytes); false for an over-long key.</summary>
    public static bool TryHash(ReadOnlySpan<char> key, Span<byte> destination)
    {
        if (key.Length > MaxLength)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[MaxLength * 3];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        return SHA256.TryHashData(utf8[..length], destination, out _);
    }

    /// <summary>The id written in a key of the form <c>sk_{id}_{secret}</c>; empty for a key of any other form.</summary>
    public static ReadOnlySpan<char> WrittenKeyId(ReadOnlySpan<char> key)
    {
        var prefix = ApiKeySecrets.Prefix.AsSpan();
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.Length < prefix.Length + ApiKeySecrets.KeyIdLength + 2)
        {
            return default;
        }

        var id = key.Slice(prefix.Length, ApiKeySecrets.KeyIdLength);
        return key[prefix.Length + ApiKeySecrets.KeyIdLength] == '_' && ApiKeySecrets.IsKeyId(id) ? id : default;
    }

    /// <summary>The public id of any key: the one written in it, or one derived from its hash (which reveals nothing of it).</summary>
    public static string KeyIdOf(ReadOnlySpan<char> key, ReadOnlySpan<byte> hash)
    {
        var written = WrittenKeyId(key);
        return written.IsEmpty ? ApiKeySecrets.DerivedKeyId(hash) : written.ToString();
    }
}
