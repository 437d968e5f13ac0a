using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>
/// Walks a request body's JSON beside the message descriptor, as the proto3 JSON mapping reads it, and records each
/// unknown field, value of the wrong type or field given twice, at any depth, with its path in proto names
/// (<c>changes[0].assign.grantee.email</c>, <c>metadata["team"]</c>; an unknown name as sent). Both field name forms
/// are accepted. A <c>null</c> map or list is rewritten in place to <c>{}</c> or <c>[]</c>, which is what proto3
/// means by it and what JSON transcoding can read.
/// </summary>
internal sealed class JsonBodyChecker
{
    /// <summary>Violations after which the walk stops: enough to fix a request, too few to bloat the answer.</summary>
    public const int MaxViolations = 20;

    private readonly byte[] _body;
    private readonly int _length;
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public JsonBodyChecker(byte[] body, int length)
    {
        _body = body;
        _length = length;
    }

    /// <summary>Gets the field violations found by <see cref="Check"/>.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations => _violations;

    /// <summary>Checks the body against the route's request message (or the field its rule's body names).</summary>
    /// <returns>Null when the body is JSON of the right shape (its violations in <see cref="Violations"/>); otherwise why it is not.</returns>
    public string? Check(RestRoute route)
    {
        var json = _body.AsSpan(0, _length);
        if (!Utf8.IsValid(json))
        {
            return "The body is not valid UTF-8.";
        }

        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            var list = route.BodyField is { IsRepeated: true, IsMap: false };
            if (reader.TokenType != (list ? JsonTokenType.StartArray : JsonTokenType.StartObject))
            {
                return list ? "The body must be a JSON array." : "The body must be a JSON object.";
            }

            if (route.BodyField is { } field)
            {
                CheckValue(ref reader, field, parentPath: string.Empty);
            }
            else
            {
                CheckMessage(ref reader, route.Request, path: string.Empty);
            }

            // Anything but whitespace after the value makes the reader throw.
            reader.Read();
            return null;
        }
        catch (JsonException e)
        {
            _violations.Clear();
            return $"The body is not valid JSON: {e.Message}";
        }
    }

    private bool Full => _violations.Count >= MaxViolations;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    // The reader is on the StartObject; leaves it on the matching EndObject.
    private void CheckMessage(ref Utf8JsonReader reader, MessageDescriptor message, string path)
    {
        HashSet<int>? seen = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = JsonScalarRules.IsText(ref reader) ? FindField(ref reader, message) : null;
            if (field is null || Full)
            {
                if (field is null)
                {
                    Violate(Join(path, JsonScalarRules.TextOf(ref reader)), $"Unknown field: {message.FullName} has no such field.");
                }

                reader.Skip();
                continue;
            }

            seen ??= [];
            reader.Read();
            if (!seen.Add(field.FieldNumber))
            {
                Violate(Join(path, field.Name), "Given twice (a field may appear once, by either of its names).");
                reader.Skip();
            }
            else if (field.RealContainingOneof is { } oneof && !seen.Add(-1 - oneof.Index))
            {
                Violate(Join(path, field.Name), $"Only one of {string.Join(", ", oneof.Fields.Select(f => f.Name))} may be set.");
                reader.Skip();
            }
            else
            {
                CheckValue(ref reader, field, path);
            }
        }
    }

    // The reader is on the field's value; leaves it on the value's last token.
    private void CheckValue(ref Utf8JsonReader reader, FieldDescriptor field, string parentPath)
    {
        var path = Join(parentPath, field.Name);
        if (reader.TokenType == JsonTokenType.Null)
        {
            // proto3 JSON: null is the field's default. Transcoding reads it as such except for maps and lists.
            if (field.IsMap || field.IsRepeated)
            {
                ReplaceNull(ref reader, field.IsMap ? "{}"u8 : "[]"u8);
            }
        }
        else if (field.IsMap)
        {
            CheckMap(ref reader, field, path);
        }
        else if (field.IsRepeated)
        {
            CheckList(ref reader, field, path);
        }
        else
        {
            CheckSingle(ref reader, field, path);
        }
    }

    private void CheckList(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref reader, path, "Must be a JSON array.");
            return;
        }

        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            var elementPath = $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (reader.TokenType == JsonTokenType.Null)
            {
                Violate(elementPath, "A list element cannot be null.");
            }
            else
            {
                CheckSingle(ref reader, field, elementPath);
            }
        }
    }

    private void CheckMap(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            WrongType(ref reader, path, "Must be a JSON object (a map).");
            return;
        }

        var keyField = field.MessageType.FindFieldByNumber(1);
        var valueField = field.MessageType.FindFieldByNumber(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isText = JsonScalarRules.IsText(ref reader);
            var key = JsonScalarRules.TextOf(ref reader);
            var entryPath = $"{path}[\"{key}\"]";
            reader.Read();
            if ((isText ? ScalarText.Check(keyField, key) : JsonScalarRules.NotText) is { } keyRule)
            {
                WrongType(ref reader, entryPath, $"Bad map key: {keyRule}");
            }
            else if (reader.TokenType == JsonTokenType.Null)
            {
                Violate(entryPath, "A map value cannot be null.");
            }
            else
            {
                CheckSingle(ref reader, valueField, entryPath);
            }
        }
    }

    // One value (not null) of a singular field, a list element or a map value.
    private void CheckSingle(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        if (field.FieldType != FieldType.Message)
        {
            if (JsonScalarRules.Check(ref reader, field) is { } rule)
            {
                WrongType(ref reader, path, rule);
            }

            return;
        }

        var type = field.MessageType;
        var token = reader.TokenType;
        var shape = WellKnownJson.ShapeOf(type);
        switch (shape)
        {
            case JsonShape.Object when token == JsonTokenType.StartObject:
                CheckMessage(ref reader, type, path);
                break;
            case JsonShape.Wrapper:
                CheckSingle(ref reader, WellKnownJson.WrappedField(type), path);
                break;
            case JsonShape.Text when token == JsonTokenType.String && JsonScalarRules.IsText(ref reader) && WellKnownJson.IsValidText(type, reader.GetString()!):
            case JsonShape.AnyValue:
            case JsonShape.AnyObject when token == JsonTokenType.StartObject:
            case JsonShape.AnyArray when token == JsonTokenType.StartArray:
                reader.Skip();
                break;
            default:
                WrongType(ref reader, path, ScalarText.Expected(field));
                break;
        }
    }

    private void WrongType(ref Utf8JsonReader reader, string path, string rule)
    {
        Violate(path, rule);
        reader.Skip();
    }

    private void Violate(string path, string description)
    {
        if (!Full)
        {
            _violations.Add(new BadRequest.Types.FieldViolation { Field = path, Description = description });
        }
    }

    // In place and the same length, so the reader's positions stay true: "null" becomes "{}  " or "[]  ".
    private void ReplaceNull(ref Utf8JsonReader reader, ReadOnlySpan<byte> empty)
    {
        var target = _body.AsSpan((int)reader.TokenStartIndex, 4);
        target.Fill((byte)' ');
        empty.CopyTo(target);
    }

    // By JSON name first (lowerCamelCase or json_name), then by proto name, as transcoding resolves them.
    private static FieldDescriptor? FindField(ref Utf8JsonReader reader, MessageDescriptor message)
    {
        var fields = message.Fields.InDeclarationOrder();
        foreach (var field in fields)
        {
            if (reader.ValueTextEquals(field.JsonName))
            {
                return field;
            }
        }

        foreach (var field in fields)
        {
            if (reader.ValueTextEquals(field.Name))
            {
                return field;
            }
        }

        return null;
    }
}
