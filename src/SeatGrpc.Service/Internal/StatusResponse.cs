using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Writes a <c>google.rpc.Status</c> as the answer to a call refused before any service method runs (authorization,
/// admission, the REST guard): a gRPC call gets a trailers-only response (grpc-status, grpc-message,
/// grpc-status-details-bin), a REST call the HTTP status with the Status as its JSON body, as JSON transcoding writes errors.
/// </summary>
internal static class StatusResponse
{
    public const string DetailsKey = "grpc-status-details-bin";

    private const string GrpcContentType = "application/grpc";

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default
        .WithFormatDefaultValues(true)
        .WithTypeRegistry(TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor)));

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The status in the one HEADERS frame that ends the stream.</summary>
    public static void WriteTrailersOnly(HttpResponse response, Google.Rpc.Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcContentType;
        response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(status.Message);
        response.Headers[DetailsKey] = EncodeDetails(status);
    }

    public static Task WriteJsonAsync(HttpResponse response, int httpStatus, Google.Rpc.Status status, CancellationToken cancellationToken)
    {
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(Json.Format(status), cancellationToken);
    }

    /// <summary>The grpc-status-details-bin value: base64 without padding, as gRPC binary metadata is sent.</summary>
    public static string EncodeDetails(Google.Rpc.Status status) => Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');

    // grpc-message is percent-encoded UTF-8 (PROTOCOL-HTTP2): everything outside printable ASCII, and '%' itself.
    private static string PercentEncode(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
