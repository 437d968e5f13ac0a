using System.Buffers.Text;
using System.Net.Http.Headers;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>Turns call metadata into HTTP headers and response headers or trailers back into metadata.</summary>
internal static class MetadataConverter
{
    /// <summary>Adds the caller's metadata as request headers; <c>-bin</c> values go as unpadded base64.</summary>
    public static void AddToRequest(HttpRequestHeaders headers, Metadata metadata)
    {
        for (var i = 0; i < metadata.Count; i++)
        {
            var entry = metadata[i];
            if (IsReservedRequestHeader(entry.Key))
            {
                continue;
            }

            var value = entry.IsBinary ? ToUnpaddedBase64(entry.GetValueBytesUnsafe().Span) : entry.Value;
            headers.TryAddWithoutValidation(entry.Key, value);
        }
    }

    /// <summary>
    /// Reads headers or trailers into metadata, leaving out the protocol's own (content-type, grpc-status,
    /// grpc-message, grpc-encoding, grpc-accept-encoding) but keeping <c>grpc-status-details-bin</c>.
    /// </summary>
    public static Metadata FromHeaders(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            var key = header.Key;
            if (IsProtocolResponseHeader(key) || !IsValidKey(key))
            {
                continue;
            }

            var binary = key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase);
            foreach (var value in header.Value)
            {
                if (!binary)
                {
                    metadata.Add(key, value);
                    continue;
                }

                // A peer may join repeated binary values with commas; base64 never contains one.
                foreach (var range in value.AsSpan().Split(','))
                {
                    metadata.Add(key, FromBase64(value.AsSpan(range).Trim()));
                }
            }
        }

        return metadata;
    }

    /// <summary>Gets the first value of a header, or null.</summary>
    public static string? GetFirst(HttpHeaders headers, string name)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }

    private static string ToUnpaddedBase64(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] FromBase64(ReadOnlySpan<char> value)
    {
        // Accept padded and unpadded values, as the spec asks.
        var padded = value.Length % 4 == 0 ? value.ToString() : value.ToString() + new string('=', 4 - (value.Length % 4));
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        return Convert.TryFromBase64String(padded, bytes, out var written) ? bytes.AsSpan(0, written).ToArray() : [];
    }

    private static bool IsReservedRequestHeader(string key) => key switch
    {
        "content-type" or "te" or "user-agent" or "grpc-timeout" or "grpc-encoding" or "grpc-accept-encoding"
            or GrpcProtocol.RequestEncodingHeader => true,
        _ => false,
    };

    private static bool IsProtocolResponseHeader(string key) => key switch
    {
        "content-type" or "grpc-status" or "grpc-message" or "grpc-encoding" or "grpc-accept-encoding" => true,
        _ => false,
    };

    private static bool IsValidKey(string key)
    {
        foreach (var c in key)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return key.Length > 0;
    }
}
