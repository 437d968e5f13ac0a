using System.Buffers;
using System.Text;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Encodes <c>grpc-message</c> as PROTOCOL-HTTP2 asks: the message's UTF-8 bytes, where each byte outside
/// printable ASCII (0x20–0x7E) and each '%' becomes "%XX".
/// </summary>
internal static class PercentEncoding
{
    private const int StackLimit = 256;

    /// <summary>Percent-encodes a status message.</summary>
    /// <param name="value">The message.</param>
    /// <returns>The message itself when nothing needs encoding, else its encoded form.</returns>
    public static string Encode(string value)
    {
        if (!NeedsEncoding(value))
        {
            return value;
        }

        var byteCount = Encoding.UTF8.GetByteCount(value);
        byte[]? rented = null;
        var bytes = byteCount <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, bytes);
            var builder = new StringBuilder(written * 3);
            foreach (var b in bytes[..written])
            {
                if (IsUnreserved(b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
                }
            }

            return builder.ToString();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '%')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnreserved(byte b) => b is >= 0x20 and <= 0x7E and not (byte)'%';

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
