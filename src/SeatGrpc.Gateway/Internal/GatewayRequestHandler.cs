using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SeatGrpc.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Serves every gateway request: matches the route, binds the request message, runs the gRPC
/// method through the runtime's catalog entry, and writes JSON (or NDJSON for server streaming).
/// </summary>
internal sealed class GatewayRequestHandler
{
    public const string NdjsonContentType = "application/x-ndjson";

    private readonly GatewayRouteTable _table;
    private readonly RequestMessageBinder _binder;
    private readonly GatewayJson _json;
    private readonly ErrorResponseWriter _errors;
    private readonly ILogger _logger;
    private readonly string _errorDomain;

    public GatewayRequestHandler(GatewayRouteTable table, GatewayJson json, long maxBodySize, string errorDomain, ILogger logger)
    {
        _table = table;
        _errorDomain = errorDomain;
        _json = json;
        _binder = new RequestMessageBinder(json, maxBodySize);
        _errors = new ErrorResponseWriter(json, logger);
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var match = _table.Match(context.Request.Method, RawPath(context));
        if (match.Route is null)
        {
            var error = match.Allow.Count > 0
                ? new GatewayException(
                    StatusCode.Unimplemented,
                    GatewayErrorReasons.MethodNotAllowed,
                    $"Method {context.Request.Method} is not allowed here; use {string.Join(", ", match.Allow)}.",
                    StatusCodes.Status405MethodNotAllowed) { Allow = match.Allow }
                : new GatewayException(StatusCode.NotFound, GatewayErrorReasons.RouteNotFound, "No REST route matches this path.");
            await WriteErrorAsync(context, error, "(no route)").ConfigureAwait(false);
            return;
        }

        var route = match.Route;
        var responseStarted = false;
        try
        {
            var request = await _binder.BindAsync(context, route, match.PathValues).ConfigureAwait(false);
            if (route.IsServerStreaming)
            {
                await route.Entry.InvokeServerStreamingAsync(context, request, async (message, cancellationToken) =>
                {
                    if (!responseStarted)
                    {
                        context.Response.StatusCode = StatusCodes.Status200OK;
                        context.Response.ContentType = NdjsonContentType;
                        responseStarted = true;
                    }

                    await context.Response.WriteAsync(FormatResponse(route, (IMessage)message) + "\n", cancellationToken).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
                if (!responseStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status200OK;
                    context.Response.ContentType = NdjsonContentType;
                }

                return;
            }

            var response = await route.Entry.InvokeUnaryAsync(context, request).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(FormatResponse(route, (IMessage)response) + "\n", context.RequestAborted).ConfigureAwait(false);
        }
        catch (GatewayException error)
        {
            await WriteErrorAsync(context, error, route.RpcName).ConfigureAwait(false);
        }
        catch (RpcException error)
        {
            GatewayLog.RequestRejected(_logger, context.Request.Method, route.RpcName, error.StatusCode);
            var status = ErrorResponseWriter.ToStatus(error);
            if (responseStarted)
            {
                await WriteStreamErrorAsync(context, status, route.RpcName).ConfigureAwait(false);
            }
            else if (!context.Response.HasStarted)
            {
                await _errors.WriteAsync(context, status, route.RpcName).ConfigureAwait(false);
            }
        }
        catch (BadHttpRequestException error) when (!responseStarted)
        {
            // Kestrel refused the request body (its own size limit, a bad chunk, a timeout).
            var (code, reason) = error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? (StatusCode.ResourceExhausted, GatewayErrorReasons.BodyTooLarge)
                : (StatusCode.InvalidArgument, GatewayErrorReasons.BodyUnreadable);
            await WriteErrorAsync(context, new GatewayException(code, reason, "The request body could not be read.", error.StatusCode), route.RpcName).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            GatewayLog.UnexpectedError(_logger, error, context.Request.Method, route.RpcName);
            var status = new SeatGrpc.Rpc.Status { Code = (int)StatusCode.Internal, Message = "Internal error." };
            if (responseStarted)
            {
                await WriteStreamErrorAsync(context, status, route.RpcName).ConfigureAwait(false);
            }
            else if (!context.Response.HasStarted)
            {
                await _errors.WriteAsync(context, status, route.RpcName).ConfigureAwait(false);
            }
        }
    }

    private Task WriteErrorAsync(HttpContext context, GatewayException error, string rpc)
    {
        GatewayLog.RequestRejected(_logger, context.Request.Method, rpc, error.Code);
        var status = new SeatGrpc.Rpc.Status { Code = (int)error.Code, Message = error.Message };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = _errorDomain }));
        if (error.Field is { } field)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = error.Message });
            status.Details.Add(Any.Pack(badRequest));
        }

        return _errors.WriteAsync(context, status, rpc, error.HttpStatus, error.Allow);
    }

    // After the first message the HTTP status is sent: the error becomes the stream's last line.
    private async Task WriteStreamErrorAsync(HttpContext context, SeatGrpc.Rpc.Status status, string rpc)
    {
        var line = "{\"error\":" + _errors.Format(status, rpc) + "}\n";
        await context.Response.WriteAsync(line, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private string FormatResponse(GatewayRoute route, IMessage response)
    {
        var field = route.ResponseBodyField;
        if (field is null)
        {
            return _json.Formatter.Format(response);
        }

        if (field.FieldType == Google.Protobuf.Reflection.FieldType.Message && !field.IsRepeated && !field.IsMap)
        {
            return field.Accessor.GetValue(response) is IMessage value ? _json.Formatter.Format(value) : "null";
        }

        // A repeated, map or scalar response_body: its JSON value within the whole message.
        using var document = System.Text.Json.JsonDocument.Parse(_json.Formatter.Format(response));
        return document.RootElement.TryGetProperty(field.JsonName, out var element) ? element.GetRawText() : "null";
    }

    // The raw target keeps escapes as sent, so path variables decode exactly per http.proto.
    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }
}
