using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SeatGrpc.Domain.Internal;

/// <summary>
/// Opaque, tamper-evident page tokens: base64url(version | last id | HMAC-SHA256 truncated to 128 bits).
/// The MAC covers the query (operation, parent or customer, status filter) without carrying it, so a token
/// from another query fails verification exactly like a tampered one. The key lives in the database, so
/// every replica accepts every replica's tokens.
/// </summary>
internal sealed class PageTokenCodec
{
    private const byte FormatVersion = 1;
    private const int MacLength = 16;
    private const int PayloadLength = 1 + sizeof(long);
    private const int TokenLength = PayloadLength + MacLength;

    private readonly byte[] _key;

    public PageTokenCodec(byte[] key)
    {
        _key = key;
    }

    public string Encode(string query, long lastId)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(token[1..PayloadLength], lastId);
        ComputeMac(token[..PayloadLength], query, token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The last id of the previous page; 0 for no token.</summary>
    public long Decode(string? pageToken, string query)
    {
        if (string.IsNullOrEmpty(pageToken))
        {
            return 0;
        }

        Span<byte> token = stackalloc byte[TokenLength];
        Span<byte> expected = stackalloc byte[MacLength];
        if (pageToken.Length != Base64Url.GetEncodedLength(TokenLength)
            || !Base64Url.TryDecodeFromChars(pageToken, token, out var written)
            || written != TokenLength
            || token[0] != FormatVersion)
        {
            throw Invalid();
        }

        ComputeMac(token[..PayloadLength], query, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, token[PayloadLength..]))
        {
            throw Invalid();
        }

        var lastId = BinaryPrimitives.ReadInt64BigEndian(token[1..PayloadLength]);
        return lastId >= 0 ? lastId : throw Invalid();
    }

    private void ComputeMac(ReadOnlySpan<byte> payload, string query, Span<byte> destination)
    {
        var queryBytes = Encoding.UTF8.GetBytes(query);
        var input = new byte[payload.Length + queryBytes.Length];
        payload.CopyTo(input);
        queryBytes.CopyTo(input.AsSpan(payload.Length));
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, input, mac);
        mac[..MacLength].CopyTo(destination);
    }

    private static SeatDomainException Invalid() =>
        new(SeatErrorKind.InvalidPageToken, "The page token is invalid or belongs to another query.");
}
