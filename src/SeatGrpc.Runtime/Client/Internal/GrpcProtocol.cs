using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The wire facts of grpc's PROTOCOL-HTTP2 document that the client needs, in one place.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";

    /// <summary>The call header that asks for compressed requests; the official client's name for it.</summary>
    public const string RequestEncodingHeader = "grpc-internal-encoding-request";

    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";
    public const string AcceptEncodingValue = "identity,gzip";
    public const string UserAgent = "grpc-dotnet-seatgrpc/1.0";

    /// <summary>The length-prefix: one compressed-flag byte and a big-endian uint32 length.</summary>
    public const int HeaderSize = 5;

    /// <summary>The default receive limit, 4 MiB.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    private const long MaxTimeoutValue = 99_999_999; // "TimeoutValue → {positive integer as ASCII string of at most 8 digits}"

    /// <summary>
    /// Encodes a timeout as <c>grpc-timeout</c>: at most 8 digits and a unit. Picks the finest unit
    /// (milliseconds, then seconds, minutes, hours) that fits, rounding up so the server never sees
    /// a shorter timeout than the client's.
    /// </summary>
    public static string EncodeTimeout(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 1);
        var value = CeilingDivide(ticks, TimeSpan.TicksPerMillisecond);
        if (value <= MaxTimeoutValue)
        {
            return Format(value, 'm');
        }

        value = CeilingDivide(ticks, TimeSpan.TicksPerSecond);
        if (value <= MaxTimeoutValue)
        {
            return Format(value, 'S');
        }

        value = CeilingDivide(ticks, TimeSpan.TicksPerMinute);
        if (value <= MaxTimeoutValue)
        {
            return Format(value, 'M');
        }

        return Format(Math.Min(CeilingDivide(ticks, TimeSpan.TicksPerHour), MaxTimeoutValue), 'H');

        static long CeilingDivide(long a, long b) => (a + b - 1) / b;

        static string Format(long value, char unit) =>
            string.Create(CultureInfo.InvariantCulture, $"{value}{unit}");
    }

    /// <summary>
    /// Decodes a percent-encoded <c>grpc-message</c>: <c>%XX</c> sequences are UTF-8 bytes. Malformed
    /// sequences are kept as they are, as the spec asks.
    /// </summary>
    public static string PercentDecode(string value)
    {
        if (value.IndexOf('%', StringComparison.Ordinal) < 0)
        {
            return value;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(value.Length * 3);
        try
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '%' && i + 2 < value.Length &&
                    TryHex(value[i + 1], out var high) && TryHex(value[i + 2], out var low))
                {
                    bytes[count++] = (byte)((high << 4) | low);
                    i += 2;
                }
                else
                {
                    // A char outside the encoded set: keep it, as UTF-8.
                    var length = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                    count += Encoding.UTF8.GetBytes(value.AsSpan(i, length), bytes.AsSpan(count));
                    i += length - 1;
                }
            }

            return Encoding.UTF8.GetString(bytes, 0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        static bool TryHex(char c, out int value)
        {
            value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };
            return value >= 0;
        }
    }

    /// <summary>Maps a non-200 HTTP status to a gRPC status code, per grpc's http-grpc-status-mapping.</summary>
    public static StatusCode MapHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests => StatusCode.Unavailable,
        HttpStatusCode.BadGateway => StatusCode.Unavailable,
        HttpStatusCode.ServiceUnavailable => StatusCode.Unavailable,
        HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>Whether a content type is gRPC's: <c>application/grpc</c> optionally followed by <c>+proto</c> etc. or parameters.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';';
    }
}
