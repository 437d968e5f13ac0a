using Microsoft.Extensions.Primitives;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Header names and values of grpc's PROTOCOL-HTTP2 document, shared by the server machinery.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeProto = "application/grpc+proto";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";
    public const string DeflateEncoding = "deflate";

    /// <summary>The encodings this server reads and writes, as sent in <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip,deflate";

    /// <summary>The length of a message's prefix: one flag byte and a four-byte big-endian length.</summary>
    public const int HeaderSize = 5;

    /// <summary>The HTTP/2 error code a stream is reset with when the server gives up on it.</summary>
    public const int CancelResetErrorCode = 0x8;

    // Cached so the hot path assigns header values without allocating.
    public static readonly StringValues ContentTypeValue = new(ContentType);
    private static readonly StringValues[] StatusValues = CreateStatusValues();
    public static readonly StringValues SupportedEncodingsValue = new(SupportedEncodings);

    /// <summary>Gets the <c>grpc-status</c> value of a status code, without allocating for the known codes.</summary>
    /// <param name="code">The status code.</param>
    /// <returns>The decimal code.</returns>
    public static StringValues StatusValue(Grpc.Core.StatusCode code)
    {
        var index = (int)code;
        return (uint)index < (uint)StatusValues.Length ? StatusValues[index] : new StringValues(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Tells whether a request content type is one the server accepts.</summary>
    /// <param name="contentType">The request's <c>content-type</c>, or null.</param>
    /// <returns>True for <c>application/grpc</c> and <c>application/grpc+proto</c>, with or without parameters.</returns>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        if (semicolon >= 0)
        {
            span = span[..semicolon];
        }

        span = span.Trim();
        return span.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
            || span.Equals(ContentTypeProto, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Tells whether a content type names gRPC of any flavour, for the unimplemented fallback.</summary>
    /// <param name="contentType">The request's <c>content-type</c>, or null.</param>
    /// <returns>True when it starts with <c>application/grpc</c> followed by its end, <c>+</c> or <c>;</c>.</returns>
    public static bool IsAnyGrpcContentType(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';');

    private static StringValues[] CreateStatusValues()
    {
        var values = new StringValues[17];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new StringValues(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }
}
