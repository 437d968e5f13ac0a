using System.Collections.Concurrent;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Net.Http.Headers;
using SeatGrpc.Server.Hosting.Rest;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Holds transcoded REST requests to the promises of SPEC.md section 5 before JSON transcoding reads them, which
/// would ignore an unknown field or query parameter and answer a wrong type without naming it: a bad query
/// parameter, unknown body field or wrong type is 400 INVALID_FIELD naming it, malformed JSON is 400, a body over
/// 4 MiB is 413, a body that is not UTF-8 JSON is 415. gRPC calls and other requests pass after one metadata lookup.
/// </summary>
internal sealed class RestRequestGuard
{
    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<GrpcJsonTranscodingMetadata, RestRoute> _routes = new();

    public RestRequestGuard(RequestDelegate next, ILogger<RestRequestGuard> logger)
    {
        _next = next;
        _logger = logger;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var transcoding = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        return transcoding is null ? _next(context) : GuardAsync(context, transcoding);
    }

    private async Task GuardAsync(HttpContext context, GrpcJsonTranscodingMetadata transcoding)
    {
        var route = _routes.GetOrAdd(transcoding, static t => RestRoute.Create(t.MethodDescriptor, t.HttpRule));
        if (QueryChecker.Check(context.Request.Query, route) is { } queryRejection)
        {
            await RefuseAsync(context, transcoding, queryRejection).ConfigureAwait(false);
            return;
        }

        if (!route.HasBody)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        using var body = await BufferedBody.ReadAsync(context.Request, GrpcPlatform.MaxReceiveMessageSize, context.RequestAborted).ConfigureAwait(false);
        if (CheckBody(context.Request, body, route) is { } bodyRejection)
        {
            await RefuseAsync(context, transcoding, bodyRejection).ConfigureAwait(false);
            return;
        }

        // Transcoding reads the checked bytes, with any null list or map already rewritten as empty.
        context.Request.Body = body.AsStream();
        await _next(context).ConfigureAwait(false);
    }

    private static RestRejection? CheckBody(HttpRequest request, BufferedBody body, RestRoute route)
    {
        if (body.TooLarge)
        {
            return RestRejection.BodyTooLarge(GrpcPlatform.MaxReceiveMessageSize);
        }

        if (body.Length == 0)
        {
            return RestRejection.MalformedJson("The body is empty: this method takes a JSON object (send {} to set no fields).");
        }

        if (!IsUtf8Json(request.ContentType))
        {
            return RestRejection.UnsupportedMediaType(request.ContentType);
        }

        var checker = new JsonBodyChecker(body.Bytes, body.Length);
        if (checker.Check(route) is { } malformed)
        {
            return RestRejection.MalformedJson(malformed);
        }

        return checker.Violations.Count > 0 ? RestRejection.InvalidFields(checker.Violations) : null;
    }

    // application/json or any +json type, as transcoding accepts, but UTF-8 only (RFC 8259 section 8.1).
    private static bool IsUtf8Json(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private async Task RefuseAsync(HttpContext context, GrpcJsonTranscodingMetadata transcoding, RestRejection rejection)
    {
        RestGuardLog.Refused(_logger, transcoding.MethodDescriptor.FullName, rejection.HttpStatus, rejection.Reason);
        await rejection.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
    }
}
