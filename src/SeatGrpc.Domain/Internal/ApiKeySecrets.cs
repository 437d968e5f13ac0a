using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Key material. A key is <c>sk_{key id}_{secret}</c>: the key id is 12 characters of base32 (a-z, 2-7), public; the
/// secret is 256 random bits in base64url (43 characters). The database keeps the SHA-256 of the whole key: a fast
/// hash is enough for a secret of that entropy (no dictionary to guess from). The id inside the key lets a log name the
/// key that failed without a database lookup. A bootstrap key given by the operator in another form gets an id derived
/// from its hash.
/// </summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "sk_";
    public const int KeyIdLength = 12;
    public const int MinLength = 32;
    public const int MaxLength = 512;

    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static (string KeyId, string Secret) NewKey()
    {
        var keyId = NewKeyId();
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        return (keyId, $"{Prefix}{keyId}_{Base64Url.EncodeToString(random)}");
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool IsKeyId(ReadOnlySpan<char> id)
    {
        if (id.Length != KeyIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!Base32Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an operator's key (for --bootstrap-key) is acceptable: 32 to 512 printable ASCII characters, no spaces.</summary>
    public static bool IsAcceptable(string key) =>
        key.Length is >= MinLength and <= MaxLength && key.All(static c => c is > ' ' and < '\u007f');

    private static string NewKeyId()
    {
        Span<byte> random = stackalloc byte[KeyIdLength];
        RandomNumberGenerator.Fill(random);
        return ToBase32(random);
    }

    public static string DerivedKeyId(ReadOnlySpan<byte> hash) => ToBase32(hash[..KeyIdLength]);

    // One character per byte, from its low five bits: enough for ids, which need no decoding.
    private static string ToBase32(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[KeyIdLength];
        for (var i = 0; i < KeyIdLength; i++)
        {
            chars[i] = Base32Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }
}
