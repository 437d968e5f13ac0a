using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Api;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Writes the OpenAPI 3.0 document of the gateway's routes from the same descriptors: one
/// operation per binding, path and query parameters, request bodies, responses, and a schema
/// per message and enum (described by their proto comments when source info is available).
/// </summary>
internal sealed class OpenApiDocumentBuilder
{
    // Served as application/json, never inside HTML: backticks and quotes in comments stay readable.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly GrpcJsonGatewayOptions _options;
    private readonly ProtoComments _comments;
    private readonly SortedDictionary<string, IDescriptor> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<GatewayRoute, string[]> _parameterNames = [];

    public OpenApiDocumentBuilder(GrpcJsonGatewayOptions options, ProtoComments comments)
    {
        _options = options;
        _comments = comments;
    }

    public byte[] Build(IReadOnlyList<GatewayRoute> routes)
    {
        NameParameters(routes.OrderBy(route => route.Method.FullName, StringComparer.Ordinal).ThenBy(route => route.BindingIndex));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Indented))
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

            Reference(Google.Rpc.Status.Descriptor);
            json.WriteStartObject("components");
            json.WriteStartObject("schemas");
            WriteSchemas(json);
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
            WriteFieldSchema(json, responseField);
        }
        else
        {
            WriteRef(json, method.OutputType);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("default");
        json.WriteString("description", "An error: a google.rpc.Status with the HTTP status of its code.");
        WriteContent(json, "application/json", Google.Rpc.Status.Descriptor);
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
                WriteSimple(json, "string", null);
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
            WriteFieldSchema(json, leaf, ignoreRepeated: true);
            json.WriteEndObject();
        }
    }

    private void WriteQueryParameters(Utf8JsonWriter json, GatewayRoute route, MessageDescriptor message, string prefix, List<FieldDescriptor> path, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            if (field.IsMap || (depth == 0 && field == route.BodyField) || IsOutputOnly(field))
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
                    WriteFieldSchema(json, field);
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
        WriteRef(json, message);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteSchemas(Utf8JsonWriter json)
    {
        // Writing a schema can reference more types: collect them all first, then write in order.
        var done = new HashSet<string>(StringComparer.Ordinal);
        var buffers = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        while (_schemas.Keys.FirstOrDefault(name => !done.Contains(name)) is { } name)
        {
            done.Add(name);
            using var stream = new MemoryStream();
            using (var schema = new Utf8JsonWriter(stream, Compact))
            {
                WriteSchema(schema, _schemas[name]);
            }

            buffers[name] = stream.ToArray();
        }

        foreach (var (name, schema) in buffers)
        {
            json.WritePropertyName(name);
            using var document = JsonDocument.Parse(schema);
            document.WriteTo(json);
        }
    }

    private void WriteSchema(Utf8JsonWriter json, IDescriptor descriptor)
    {
        json.WriteStartObject();
        if (_comments.Get(descriptor.FullName) is { } comment)
        {
            json.WriteString("description", comment);
        }

        if (descriptor is EnumDescriptor type)
        {
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var value in type.Values)
            {
                json.WriteStringValue(value.Name);
            }

            json.WriteEndArray();
            var values = type.Values
                .Select(value => _comments.Get($"{type.FullName}.{value.Name}") is { } text ? $"- `{value.Name}`: {text.Replace('\n', ' ')}" : null)
                .OfType<string>()
                .ToList();
            if (values.Count > 0)
            {
                json.WriteString("x-enum-descriptions", string.Join('\n', values));
            }

            json.WriteEndObject();
            return;
        }

        var message = (MessageDescriptor)descriptor;
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            json.WritePropertyName(field.JsonName);
            WriteFieldSchema(json, field, describe: true);
        }

        json.WriteEndObject();
        var required = message.Fields.InDeclarationOrder().Where(IsRequired).Select(field => field.JsonName).ToList();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            required.ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private void WriteFieldSchema(Utf8JsonWriter json, FieldDescriptor field, bool ignoreRepeated = false, bool describe = false)
    {
        var comment = describe ? _comments.Get(field.FullName) : null;
        var readOnly = describe && IsOutputOnly(field);
        if (field.IsMap)
        {
            json.WriteStartObject();
            json.WriteString("type", "object");
            json.WritePropertyName("additionalProperties");
            WriteFieldSchema(json, field.MessageType.FindFieldByNumber(2), ignoreRepeated: true);
            WriteAnnotations(json, comment, readOnly);
            json.WriteEndObject();
            return;
        }

        if (field.IsRepeated && !ignoreRepeated)
        {
            json.WriteStartObject();
            json.WriteString("type", "array");
            json.WritePropertyName("items");
            WriteFieldSchema(json, field, ignoreRepeated: true);
            WriteAnnotations(json, comment, readOnly);
            json.WriteEndObject();
            return;
        }

        if (field.FieldType is FieldType.Message or FieldType.Enum && (comment is not null || readOnly) && !IsWellKnown(field))
        {
            // A $ref ignores its siblings in OpenAPI 3.0: wrap it to keep the field's description.
            json.WriteStartObject();
            json.WriteStartArray("allOf");
            WriteValueSchema(json, field);
            json.WriteEndArray();
            WriteAnnotations(json, comment, readOnly);
            json.WriteEndObject();
            return;
        }

        if (comment is null && !readOnly)
        {
            WriteValueSchema(json, field);
            return;
        }

        using var stream = new MemoryStream();
        using (var inner = new Utf8JsonWriter(stream, Compact))
        {
            WriteValueSchema(inner, field);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        json.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(json);
        }

        WriteAnnotations(json, comment, readOnly);
        json.WriteEndObject();
    }

    private static void WriteAnnotations(Utf8JsonWriter json, string? comment, bool readOnly)
    {
        if (comment is not null)
        {
            json.WriteString("description", comment);
        }

        if (readOnly)
        {
            json.WriteBoolean("readOnly", true);
        }
    }

    private void WriteValueSchema(Utf8JsonWriter json, FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.Enum:
                WriteRef(json, field.EnumType);
                return;
            case FieldType.Message:
                WriteMessageValueSchema(json, field.MessageType);
                return;
            default:
                WriteScalar(json, field.FieldType, nullable: false);
                return;
        }
    }

    private void WriteMessageValueSchema(Utf8JsonWriter json, MessageDescriptor type)
    {
        switch (type.FullName)
        {
            case "google.protobuf.Timestamp":
                WriteSimple(json, "string", "date-time");
                return;
            case "google.protobuf.Duration":
            case "google.protobuf.FieldMask":
                WriteSimple(json, "string", null);
                return;
            case "google.protobuf.Empty":
                WriteSimple(json, "object", null);
                return;
            case "google.protobuf.Struct":
                json.WriteStartObject();
                json.WriteString("type", "object");
                json.WriteBoolean("additionalProperties", true);
                json.WriteEndObject();
                return;
            case "google.protobuf.Value":
                json.WriteStartObject();
                json.WriteEndObject();
                return;
            case "google.protobuf.ListValue":
                json.WriteStartObject();
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteEndObject();
                json.WriteEndObject();
                return;
            case "google.protobuf.Any":
                json.WriteStartObject();
                json.WriteString("type", "object");
                json.WriteStartObject("properties");
                json.WriteStartObject("@type");
                json.WriteString("type", "string");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteBoolean("additionalProperties", true);
                json.WriteEndObject();
                return;
        }

        if (type.File.Package == "google.protobuf" && type.Name.EndsWith("Value", StringComparison.Ordinal))
        {
            WriteScalar(json, type.FindFieldByNumber(1).FieldType, nullable: true);
            return;
        }

        WriteRef(json, type);
    }

    private static void WriteScalar(Utf8JsonWriter json, FieldType type, bool nullable)
    {
        var (name, format) = type switch
        {
            FieldType.Bool => ("boolean", null),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => ("integer", "int32"),
            FieldType.UInt32 or FieldType.Fixed32 => ("integer", "int64"),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => ("string", "int64"),
            FieldType.UInt64 or FieldType.Fixed64 => ("string", "uint64"),
            FieldType.Double => ("number", "double"),
            FieldType.Float => ("number", "float"),
            FieldType.Bytes => ("string", "byte"),
            _ => ("string", (string?)null),
        };
        json.WriteStartObject();
        json.WriteString("type", name);
        if (format is not null)
        {
            json.WriteString("format", format);
        }

        if (nullable)
        {
            json.WriteBoolean("nullable", true);
        }

        json.WriteEndObject();
    }

    private static void WriteSimple(Utf8JsonWriter json, string type, string? format)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        if (format is not null)
        {
            json.WriteString("format", format);
        }

        json.WriteEndObject();
    }

    private void WriteRef(Utf8JsonWriter json, IDescriptor type)
    {
        Reference(type);
        json.WriteStartObject();
        json.WriteString("$ref", "#/components/schemas/" + type.FullName);
        json.WriteEndObject();
    }

    private void Reference(IDescriptor type) => _schemas.TryAdd(type.FullName, type);

    private static bool IsWellKnown(FieldDescriptor field) =>
        field.FieldType == FieldType.Message && field.MessageType.File.Package == "google.protobuf";

    private static bool IsOutputOnly(FieldDescriptor field) => HasBehavior(field, FieldBehavior.OutputOnly);

    private static bool IsRequired(FieldDescriptor field) => HasBehavior(field, FieldBehavior.Required);

    private static bool HasBehavior(FieldDescriptor field, FieldBehavior behavior) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(behavior) == true;
}
