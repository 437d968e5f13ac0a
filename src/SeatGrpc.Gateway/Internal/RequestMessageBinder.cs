using System.Collections;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Builds the request message of a route from an HTTP request: the body first, then the path
/// variables, then the query string for the fields neither of them binds.
/// </summary>
internal sealed class RequestMessageBinder
{
    private readonly GatewayJson _json;
    private readonly long _maxBodySize;

    public RequestMessageBinder(GatewayJson json, long maxBodySize)
    {
        _json = json;
        _maxBodySize = maxBodySize;
    }

    public async Task<IMessage> BindAsync(HttpContext context, GatewayRoute route, string[] pathValues)
    {
        var request = route.HasBody
            ? ParseBody(route, await ReadBodyAsync(context.Request).ConfigureAwait(false))
            : FieldValueConverter.CreateMessage(route.Method.InputType);

        for (var i = 0; i < route.PathFields.Count; i++)
        {
            var fields = route.PathFields[i];
            try
            {
                SetLeaf(request, fields, FieldValueConverter.Convert(fields[^1], pathValues[i]), append: false);
            }
            catch (FormatException error)
            {
                throw GatewayException.InvalidArgument(
                    GatewayErrorReasons.InvalidPathValue,
                    $"Invalid value '{pathValues[i]}' for path variable '{route.Template.Variables[i].Name}': {error.Message}.",
                    FieldPath(fields));
            }
        }

        BindQuery(context.Request.Query, route, request);
        return request;
    }

    private async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > _maxBodySize)
        {
            throw TooLarge();
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxBodySize)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw GatewayException.InvalidArgument(GatewayErrorReasons.MissingBody, "The request body is missing; this method takes a JSON body (send {} for no fields).");
        }

        if (!IsJson(request.ContentType))
        {
            throw new GatewayException(
                StatusCode.InvalidArgument,
                GatewayErrorReasons.UnsupportedMediaType,
                $"Unsupported content type '{request.ContentType}'; the request body must be application/json.",
                StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw GatewayException.InvalidArgument(GatewayErrorReasons.MalformedJson, "The request body is not valid UTF-8.");
        }
    }

    private GatewayException TooLarge() => new(
        StatusCode.ResourceExhausted,
        GatewayErrorReasons.BodyTooLarge,
        $"The request body is larger than the limit of {_maxBodySize} bytes.",
        StatusCodes.Status413PayloadTooLarge);

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var charset = media.Charset;
        return (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            && (!charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private IMessage ParseBody(GatewayRoute route, string body)
    {
        try
        {
            if (route.BodyIsWholeMessage)
            {
                return _json.Parser.Parse(body, route.Method.InputType);
            }

            var request = FieldValueConverter.CreateMessage(route.Method.InputType);
            route.BodyField!.Accessor.SetValue(request, _json.Parser.Parse(body, route.BodyField.MessageType));
            return request;
        }
        catch (InvalidJsonException error)
        {
            throw GatewayException.InvalidArgument(GatewayErrorReasons.MalformedJson, $"Invalid JSON body: {error.Message}");
        }
        catch (InvalidProtocolBufferException error)
        {
            throw GatewayException.InvalidArgument(GatewayErrorReasons.InvalidJsonBody, $"Invalid JSON body: {error.Message}");
        }
    }

    private static void BindQuery(IQueryCollection query, GatewayRoute route, IMessage request)
    {
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (route.BodyIsWholeMessage)
            {
                throw GatewayException.InvalidArgument(
                    GatewayErrorReasons.UnknownQueryParameter, $"Unknown query parameter '{key}': this method takes every field in the JSON body.", key);
            }

            var fields = FieldPaths.Resolve(route.Method.InputType, key.Split('.'), out var error)
                ?? throw GatewayException.InvalidArgument(GatewayErrorReasons.UnknownQueryParameter, $"Unknown query parameter '{key}': {error}.", key);
            if (route.BodyField is not null && fields[0] == route.BodyField)
            {
                throw GatewayException.InvalidArgument(GatewayErrorReasons.InvalidQueryParameter, $"Query parameter '{key}' names a field of the request body.", FieldPath(fields));
            }

            if (route.PathFields.Any(path => IsPrefixOf(path, fields) || IsPrefixOf(fields, path)))
            {
                throw GatewayException.InvalidArgument(GatewayErrorReasons.InvalidQueryParameter, $"Query parameter '{key}' names a field bound by the path.", FieldPath(fields));
            }

            var leaf = fields[^1];
            if (leaf.IsMap || !FieldValueConverter.IsScalarLike(leaf))
            {
                throw GatewayException.InvalidArgument(GatewayErrorReasons.InvalidQueryParameter, $"Query parameter '{key}' names a message or map field; set one of its fields instead.", FieldPath(fields));
            }

            // The same field under its proto and its JSON name (page_size=1&pageSize=2): which one wins would be a guess.
            if (!bound.Add(FieldPath(fields)) && !leaf.IsRepeated)
            {
                throw GatewayException.InvalidArgument(
                    GatewayErrorReasons.InvalidQueryParameter, $"Query parameter '{key}' sets field '{FieldPath(fields)}' a second time.", FieldPath(fields));
            }

            if (!leaf.IsRepeated && values.Count > 1)
            {
                throw GatewayException.InvalidArgument(GatewayErrorReasons.InvalidQueryParameter, $"Query parameter '{key}' is given {values.Count} times but is not a repeated field.", FieldPath(fields));
            }

            SetQueryValues(request, fields, key, values);
        }
    }

    private static void SetQueryValues(IMessage request, IReadOnlyList<FieldDescriptor> fields, string key, StringValues values)
    {
        foreach (var value in values)
        {
            try
            {
                SetLeaf(request, fields, FieldValueConverter.Convert(fields[^1], value ?? string.Empty), append: fields[^1].IsRepeated);
            }
            catch (FormatException error)
            {
                throw GatewayException.InvalidArgument(
                    GatewayErrorReasons.InvalidQueryParameter, $"Invalid value '{value}' for query parameter '{key}': {error.Message}.", FieldPath(fields));
            }
        }
    }

    // Proto names, as the service's own BadRequest field paths: "page_size", "pool.min_seats".
    private static string FieldPath(IReadOnlyList<FieldDescriptor> fields) => string.Join('.', fields.Select(field => field.Name));

    private static bool IsPrefixOf(IReadOnlyList<FieldDescriptor> prefix, IReadOnlyList<FieldDescriptor> path) =>
        prefix.Count <= path.Count && prefix.Select((field, i) => field == path[i]).All(same => same);

    private static void SetLeaf(IMessage message, IReadOnlyList<FieldDescriptor> fields, object value, bool append)
    {
        var target = message;
        for (var i = 0; i < fields.Count - 1; i++)
        {
            var field = fields[i];
            if (field.Accessor.GetValue(target) is not IMessage child)
            {
                child = FieldValueConverter.CreateMessage(field.MessageType);
                field.Accessor.SetValue(target, child);
            }

            target = child;
        }

        var leaf = fields[^1];
        if (append)
        {
            ((IList)leaf.Accessor.GetValue(target)).Add(value);
        }
        else
        {
            leaf.Accessor.SetValue(target, value);
        }
    }
}
