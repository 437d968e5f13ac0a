using Google.Protobuf;
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

    /// <summary>Formats a status as one line of JSON, without its details if they cannot be formatted.</summary>
    public string Format(Google.Rpc.Status status, string rpc)
    {
        try
        {
            return _json.ErrorFormatter.Format(status);
        }
        catch (InvalidOperationException error)
        {
            GatewayLog.DetailsNotFormatted(_logger, error, rpc);
            return _json.ErrorFormatter.Format(new Google.Rpc.Status { Code = status.Code, Message = status.Message });
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
