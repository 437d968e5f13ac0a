using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Turns a status into the REST error: the <c>google.rpc.Status</c> JSON body (the details from
/// <c>grpc-status-details-bin</c> when the call carried them) with the mapped HTTP status.
/// </summary>
internal sealed class ErrorResponseWriter
{
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    private readonly GatewayJson _json;
    private readonly ILogger _logger;

    public ErrorResponseWriter(GatewayJson json, ILogger logger)
    {
        _json = json;
        _logger = logger;
    }

    public static Google.Rpc.Status ToStatus(RpcException exception)
    {
        var details = exception.Trailers.GetValueBytes(StatusDetailsTrailer);
        if (details is not null)
        {
            try
            {
                var status = Google.Rpc.Status.Parser.ParseFrom(details);
                if (status.Code == (int)exception.StatusCode)
                {
                    return status;
                }
            }
            catch (InvalidProtocolBufferException)
            {
                // Malformed details: fall back to the status itself.
            }
        }

        return new Google.Rpc.Status { Code = (int)exception.StatusCode, Message = exception.Status.Detail };
    }

    /// <summary>
    /// Formats a status as one line of JSON: <c>{"code", "message", "details": [{"@type", ...}]}</c>.
    /// A detail that cannot be formatted (its type unknown to the registry) is left out and logged.
    /// </summary>
    /// <remarks>
    /// <c>google.rpc.ErrorInfo</c> is written by hand: the C# type of Google.Api.CommonProtos 2.0.0
    /// still calls field 1 <c>type</c>, while the published proto (and our contract) calls it
    /// <c>reason</c>, which is what REST callers read.
    /// </remarks>
    public string Format(Google.Rpc.Status status, string rpc)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("code", status.Code);
            json.WriteString("message", status.Message);
            json.WriteStartArray("details");
            foreach (var detail in status.Details)
            {
                WriteDetail(json, detail, rpc);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteDetail(Utf8JsonWriter json, Any detail, string rpc)
    {
        if (detail.TryUnpack<Google.Rpc.ErrorInfo>(out var info))
        {
            json.WriteStartObject();
            json.WriteString("@type", detail.TypeUrl);
            json.WriteString("reason", info.Type);
            json.WriteString("domain", info.Domain);
            json.WriteStartObject("metadata");
            foreach (var (key, value) in info.Metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            return;
        }

        try
        {
            json.WriteRawValue(_json.ErrorFormatter.Format(detail));
        }
        catch (InvalidOperationException error)
        {
            GatewayLog.DetailsNotFormatted(_logger, error, rpc);
        }
    }

    public Task WriteAsync(HttpContext context, Google.Rpc.Status status, string rpc, int? httpStatus = null, IReadOnlyList<string>? allow = null)
    {
        var response = context.Response;
        response.StatusCode = httpStatus ?? StatusHttpMapping.ToHttpStatus((StatusCode)status.Code);
        response.ContentType = "application/json; charset=utf-8";
        if (allow is { Count: > 0 })
        {
            response.Headers.Allow = string.Join(", ", allow);
        }

        return response.WriteAsync(Format(status, rpc) + "\n", context.RequestAborted);
    }
}
