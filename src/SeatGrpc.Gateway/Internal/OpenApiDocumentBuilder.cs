using System.Text.Json;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Writes the OpenAPI 3.0 document of the gateway's routes from the same descriptors: one
/// operation per binding, path and query parameters, request bodies, responses, and a schema
/// per message and enum (described by their proto comments when source info is available).
/// </summary>
internal sealed class OpenApiDocumentBuilder
{
    private readonly GrpcJsonGatewayOptions _options;
    private readonly ProtoComments _comments;
    private readonly OpenApiSchemaWriter _schemas;
    private readonly Dictionary<GatewayRoute, string[]> _parameterNames = [];

    public OpenApiDocumentBuilder(GrpcJsonGatewayOptions options, ProtoComments comments)
    {
        _options = options;
        _comments = comments;
        _schemas = new OpenApiSchemaWriter(comments);
    }

    public byte[] Build(IReadOnlyList<GatewayRoute> routes)
    {
        NameParameters(routes.OrderBy(route => route.Method.FullName, StringComparer.Ordinal).ThenBy(route => route.BindingIndex));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, OpenApiSchemaWriter.Indented))
        {
            json.WriteStartObject();
            json.WriteString("openapi", "3.0.3");
            json.WriteStartObject("info");
            json.WriteString("title", _options.OpenApiTitle);
            json.WriteString("version", _options.OpenApiVersion);
            json.WriteEndObject();

            json.WriteStartObject("paths");
            foreach (var path in routes.GroupBy(OpenApiPath).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(path.Key);
                foreach (var route in path)
                {
                    WriteOperation(json, route);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();

            _schemas.Reference(SeatGrpc.Rpc.Status.Descriptor);
            json.WriteStartObject("components");
            json.WriteStartObject("schemas");
            _schemas.WriteSchemas(json);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The OpenAPI path of a route: the template with each wildcard as a parameter, so tools
    /// produce URLs the template matches (<c>/v1/subscriptions/{parent}/seats</c>).
    /// </summary>
    private string OpenApiPath(GatewayRoute route)
    {
        var template = route.Template;
        var names = _parameterNames[route];
        var parts = new List<string>();
        var wildcard = 0;
        foreach (var segment in template.Segments)
        {
            parts.Add(segment.Kind == PathSegmentKind.Literal ? segment.Literal : "{" + names[wildcard++] + "}");
        }

        return "/" + string.Join('/', parts) + (template.Verb is null ? string.Empty : ":" + template.Verb);
    }

    /// <summary>
    /// Names each wildcard of each route after its field (<c>parent</c>, <c>pool.name</c>;
    /// <c>name_1</c>, <c>name_2</c> for a variable with several). Paths that differ only in those
    /// names (<c>/v1/subscriptions/{name}</c> for GET, <c>/v1/subscriptions/{pool.name}</c> for
    /// PUT) are one path to OpenAPI, so such routes take the names of the first of them.
    /// </summary>
    private void NameParameters(IEnumerable<GatewayRoute> routes)
    {
        var byShape = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var template = route.Template;
            var names = new List<string>();
            for (var i = 0; i < template.Segments.Count; i++)
            {
                if (template.Segments[i].Kind == PathSegmentKind.Literal)
                {
                    continue;
                }

                var variable = template.Variables.FirstOrDefault(v => v.StartSegment <= i && i < v.EndSegment);
                names.Add(variable is null ? $"wildcard{names.Count + 1}" : DefaultName(template, variable, i));
            }

            var shape = "/" + string.Join('/', template.Segments.Select(segment => segment.Kind == PathSegmentKind.Literal ? segment.Literal : "{}")) + ":" + template.Verb;
            _parameterNames[route] = byShape.TryAdd(shape, [.. names]) ? [.. names] : byShape[shape];
        }
    }

    private static string DefaultName(PathTemplate template, PathVariable variable, int segment)
    {
        var wildcards = Enumerable.Range(variable.StartSegment, variable.EndSegment - variable.StartSegment)
            .Where(i => template.Segments[i].Kind != PathSegmentKind.Literal)
            .ToList();
        return wildcards.Count == 1 ? variable.Name : $"{variable.Name}_{wildcards.IndexOf(segment) + 1}";
    }

    private void WriteOperation(Utf8JsonWriter json, GatewayRoute route)
    {
        var method = route.Method;
        json.WriteStartObject(route.HttpMethod.ToLowerInvariant());
        json.WriteString("operationId", $"{method.Service.Name}_{method.Name}" + (route.BindingIndex > 0 ? $"_{route.BindingIndex + 1}" : string.Empty));
        json.WriteStartArray("tags");
        json.WriteStringValue(method.Service.Name);
        json.WriteEndArray();
        if (_comments.Get(method.FullName) is { } comment)
        {
            json.WriteString("summary", comment.Split('\n')[0]);
            json.WriteString("description", comment);
        }

        json.WriteStartArray("parameters");
        WritePathParameters(json, route);
        if (!route.BodyIsWholeMessage)
        {
            WriteQueryParameters(json, route, method.InputType, string.Empty, [], 0);
        }

        json.WriteEndArray();

        if (route.HasBody)
        {
            json.WriteStartObject("requestBody");
            json.WriteBoolean("required", true);
            WriteContent(json, "application/json", route.BodyField?.MessageType ?? method.InputType);
            json.WriteEndObject();
        }

        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", route.IsServerStreaming
            ? "One JSON object per line (NDJSON), flushed as each message is sent; an error after the first line ends the stream as {\"error\": Status}."
            : "OK");
        var mediaType = route.IsServerStreaming ? GatewayRequestHandler.NdjsonContentType : "application/json";
        json.WriteStartObject("content");
        json.WriteStartObject(mediaType);
        json.WritePropertyName("schema");
        if (route.ResponseBodyField is { } responseField)
        {
            _schemas.WriteFieldSchema(json, responseField);
        }
        else
        {
            _schemas.WriteRef(json, method.OutputType);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("default");
        json.WriteString("description", "An error: a google.rpc.Status with the HTTP status of its code.");
        WriteContent(json, "application/json", SeatGrpc.Rpc.Status.Descriptor);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private void WritePathParameters(Utf8JsonWriter json, GatewayRoute route)
    {
        var template = route.Template;
        var names = _parameterNames[route];
        var wildcard = 0;
        for (var i = 0; i < template.Segments.Count; i++)
        {
            if (template.Segments[i].Kind == PathSegmentKind.Literal)
            {
                continue;
            }

            var name = names[wildcard++];
            var v = template.Variables.ToList().FindIndex(variable => variable.StartSegment <= i && i < variable.EndSegment);
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("in", "path");
            json.WriteBoolean("required", true);
            if (v < 0)
            {
                json.WriteString("description", "Any one path segment.");
                json.WritePropertyName("schema");
                OpenApiSchemaWriter.WriteSimple(json, "string", null);
                json.WriteEndObject();
                continue;
            }

            var variable = template.Variables[v];
            var leaf = route.PathFields[v][^1];
            var pattern = string.Join('/', template.Segments.Skip(variable.StartSegment).Take(variable.EndSegment - variable.StartSegment));
            var description = variable.IsSingleSegment && name == variable.Name
                ? _comments.Get(leaf.FullName)
                : $"Sets `{variable.Name}` to `{pattern}`, this value in place of the `{template.Segments[i]}`."
                    + (_comments.Get(leaf.FullName) is { } comment ? "\n\n" + comment : string.Empty);
            if (description is not null)
            {
                json.WriteString("description", description);
            }

            json.WritePropertyName("schema");
            _schemas.WriteFieldSchema(json, leaf, ignoreRepeated: true);
            json.WriteEndObject();
        }
    }

    private void WriteQueryParameters(Utf8JsonWriter json, GatewayRoute route, MessageDescriptor message, string prefix, List<FieldDescriptor> path, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            if (field.IsMap || (depth == 0 && field == route.BodyField) || OpenApiSchemaWriter.IsOutputOnly(field))
            {
                continue;
            }

            path.Add(field);
            var boundByPath = route.PathFields.Any(bound => bound.Count >= path.Count && bound.Take(path.Count).SequenceEqual(path));
            var fullyBound = route.PathFields.Any(bound => bound.SequenceEqual(path));
            if (!fullyBound && FieldValueConverter.IsScalarLike(field))
            {
                if (!boundByPath)
                {
                    json.WriteStartObject();
                    json.WriteString("name", prefix + field.JsonName);
                    json.WriteString("in", "query");
                    if (_comments.Get(field.FullName) is { } comment)
                    {
                        json.WriteString("description", comment);
                    }

                    json.WritePropertyName("schema");
                    _schemas.WriteFieldSchema(json, field);
                    json.WriteEndObject();
                }
            }
            else if (!fullyBound && field.FieldType == FieldType.Message && !field.IsRepeated && depth < 3)
            {
                WriteQueryParameters(json, route, field.MessageType, prefix + field.JsonName + ".", path, depth + 1);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private void WriteContent(Utf8JsonWriter json, string mediaType, MessageDescriptor message)
    {
        json.WriteStartObject("content");
        json.WriteStartObject(mediaType);
        json.WritePropertyName("schema");
        _schemas.WriteRef(json, message);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
