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
    private readonly GatewayJson _json;
    private readonly ILogger _logger;

    public ErrorResponseWriter(GatewayJson json, ILogger logger)
    {
        _json = json;
        _logger = logger;
    }

    /// <summary>The call's rich status, or one made of its code and message when it carried none (or another code).</summary>
    public static SeatGrpc.Rpc.Status ToStatus(RpcException exception) =>
        exception.GetRpcStatus() is { } status && status.Code == (int)exception.StatusCode
            ? status
            : new SeatGrpc.Rpc.Status { Code = (int)exception.StatusCode, Message = exception.Status.Detail };

    /// <summary>
    /// Formats a status as one line of JSON: <c>{"code", "message", "details": [{"@type", ...}]}</c>.
    /// A detail whose type the registry does not know is left out and logged.
    /// </summary>
    public string Format(SeatGrpc.Rpc.Status status, string rpc)
    {
        var formattable = new SeatGrpc.Rpc.Status { Code = status.Code, Message = status.Message };
        foreach (var detail in status.Details)
        {
            if (_json.Registry.Find(Any.GetTypeName(detail.TypeUrl)) is null)
            {
                GatewayLog.DetailsNotFormatted(_logger, detail.TypeUrl, rpc);
                continue;
            }

            formattable.Details.Add(detail);
        }

        return _json.ErrorFormatter.Format(formattable);
    }

    public Task WriteAsync(HttpContext context, SeatGrpc.Rpc.Status status, string rpc, int? httpStatus = null, IReadOnlyList<string>? allow = null)
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
