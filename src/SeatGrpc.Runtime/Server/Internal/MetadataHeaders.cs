using System.Buffers;
using System.Buffers.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Converts between HTTP headers and gRPC <see cref="Metadata"/>, including base64 <c>-bin</c> values.</summary>
internal static class MetadataHeaders
{
    /// <summary>Builds the metadata a handler sees from the request headers, leaving out transport headers.</summary>
    /// <param name="headers">The request headers.</param>
    /// <returns>The metadata; entries that are not valid metadata are skipped.</returns>
    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            if (IsTransportHeader(header.Key))
            {
                continue;
            }

            var key = header.Key;
            var isBinary = key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase);
            foreach (var value in header.Value)
            {
                if (value is null)
                {
                    continue;
                }

                TryAdd(metadata, key, value, isBinary);
            }
        }

        return metadata;
    }

    /// <summary>Writes metadata entries into a header collection, base64-encoding binary values without padding.</summary>
    /// <param name="headers">The response headers or trailers.</param>
    /// <param name="metadata">The entries.</param>
    public static void AppendTo(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (IsReservedResponseKey(entry.Key))
            {
                continue;
            }

            var value = entry.IsBinary ? EncodeBinary(entry.GetValueBytesUnsafe().Span) : entry.Value;
            headers.Append(entry.Key, value);
        }
    }

    /// <summary>Encodes a binary value as PROTOCOL-HTTP2 recommends: base64 without padding.</summary>
    /// <param name="bytes">The value.</param>
    /// <returns>The header value.</returns>
    public static string EncodeBinary(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    /// <summary>Decodes a base64 <c>-bin</c> value, padded or not.</summary>
    /// <param name="value">The header value.</param>
    /// <param name="bytes">The decoded value.</param>
    /// <returns>False when the value is not base64.</returns>
    public static bool TryDecodeBinary(string value, out byte[] bytes)
    {
        var trimmed = value.AsSpan().Trim().TrimEnd('=');
        var padded = (trimmed.Length % 4) switch
        {
            0 => trimmed.ToString(),
            2 => string.Concat(trimmed, "=="),
            3 => string.Concat(trimmed, "="),
            _ => null,
        };
        bytes = [];
        if (padded is null)
        {
            return false;
        }

        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
        return true;
    }

    private static void TryAdd(Metadata metadata, string key, string value, bool isBinary)
    {
        try
        {
            if (!isBinary)
            {
                metadata.Add(key, value);
            }
            else if (TryDecodeBinary(value, out var bytes))
            {
                metadata.Add(key, bytes);
            }
        }
        catch (ArgumentException)
        {
            // A header name that is not a valid metadata key (HTTP allows more characters) is not metadata.
        }
    }

    private static bool IsTransportHeader(string key) =>
        key.Length == 0
        || key[0] == ':'
        || key.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase)
        || key.Equals(HeaderNames.TE, StringComparison.OrdinalIgnoreCase)
        || key.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
        || key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
        || key.Equals(HeaderNames.Connection, StringComparison.OrdinalIgnoreCase)
        || key.Equals(GrpcProtocol.TimeoutHeader, StringComparison.OrdinalIgnoreCase)
        || key.Equals(GrpcProtocol.EncodingHeader, StringComparison.OrdinalIgnoreCase)
        || key.Equals(GrpcProtocol.AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase);

    // The runtime writes these itself; a handler's entry must not contradict the real status or framing.
    private static bool IsReservedResponseKey(string key) =>
        key.Equals(GrpcProtocol.StatusTrailer, StringComparison.Ordinal)
        || key.Equals(GrpcProtocol.MessageTrailer, StringComparison.Ordinal)
        || key.Equals(HeaderNames.ContentType, StringComparison.Ordinal)
        || key.Equals(GrpcProtocol.EncodingHeader, StringComparison.Ordinal);
}
