using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Api;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Writes the OpenAPI schemas of field values and of every referenced message and enum
/// (proto3 JSON forms: int64 as strings, well-known types by their JSON form).
/// </summary>
internal sealed class OpenApiSchemaWriter
{
    // Served as application/json, never inside HTML: backticks and quotes in comments stay readable.
    public static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ProtoComments _comments;
    private readonly SortedDictionary<string, IDescriptor> _schemas = new(StringComparer.Ordinal);

    public OpenApiSchemaWriter(ProtoComments comments) => _comments = comments;

    /// <summary>Writes <c>components.schemas</c>: every type referenced so far, and those they reference.</summary>
    public void WriteSchemas(Utf8JsonWriter json)
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

    public void WriteFieldSchema(Utf8JsonWriter json, FieldDescriptor field, bool ignoreRepeated = false, bool describe = false)
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

    public static void WriteSimple(Utf8JsonWriter json, string type, string? format)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        if (format is not null)
        {
            json.WriteString("format", format);
        }

        json.WriteEndObject();
    }

    public void WriteRef(Utf8JsonWriter json, IDescriptor type)
    {
        Reference(type);
        json.WriteStartObject();
        json.WriteString("$ref", "#/components/schemas/" + type.FullName);
        json.WriteEndObject();
    }

    public void Reference(IDescriptor type) => _schemas.TryAdd(type.FullName, type);

    private static bool IsWellKnown(FieldDescriptor field) =>
        field.FieldType == FieldType.Message && field.MessageType.File.Package == "google.protobuf";

    public static bool IsOutputOnly(FieldDescriptor field) => HasBehavior(field, FieldBehavior.OutputOnly);

    private static bool IsRequired(FieldDescriptor field) => HasBehavior(field, FieldBehavior.Required);

    private static bool HasBehavior(FieldDescriptor field, FieldBehavior behavior) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(behavior) == true;
}
