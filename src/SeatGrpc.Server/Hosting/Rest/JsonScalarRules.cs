using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>
/// Checks one JSON token against a scalar or enum field, by the proto3 JSON mapping as JSON transcoding reads it:
/// 64-bit integers as numbers or strings, 32-bit integers and floats as numbers (floats also "NaN", "Infinity",
/// "-Infinity"), enums by name or number, bytes as base64.
/// </summary>
internal static class JsonScalarRules
{
    /// <summary>Why a JSON string with an unpaired surrogate escape is refused.</summary>
    public const string NotText = "Must be text: a \\uD800-\\uDFFF escape must be half of a surrogate pair.";

    /// <summary>Null when the current (non-null) token is a value of the field's type; otherwise what it must be.</summary>
    public static string? Check(ref Utf8JsonReader reader, FieldDescriptor field)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.String && !IsText(ref reader))
        {
            return NotText;
        }

        var ok = field.FieldType switch
        {
            FieldType.String => token == JsonTokenType.String,
            FieldType.Bool => token is JsonTokenType.True or JsonTokenType.False,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => token == JsonTokenType.Number && reader.TryGetInt32(out _),
            FieldType.UInt32 or FieldType.Fixed32 => token == JsonTokenType.Number && reader.TryGetUInt32(out _),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => token == JsonTokenType.Number
                ? reader.TryGetInt64(out _)
                : token == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            FieldType.UInt64 or FieldType.Fixed64 => token == JsonTokenType.Number
                ? reader.TryGetUInt64(out _)
                : token == JsonTokenType.String && ulong.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            FieldType.Double or FieldType.Float => token == JsonTokenType.Number
                ? reader.TryGetDouble(out _)
                : token == JsonTokenType.String && reader.GetString() is "NaN" or "Infinity" or "-Infinity",
            FieldType.Bytes => token == JsonTokenType.String && Base64.IsValid(reader.GetString()!),
            FieldType.Enum => token == JsonTokenType.Number
                ? reader.TryGetInt32(out _)
                : token == JsonTokenType.String && field.EnumType.FindValueByName(reader.GetString()!) is not null,
            _ => false,
        };
        return ok ? null : Expected(field);
    }

    /// <summary>The current string or property name; as sent, escapes and all, when it is not text.</summary>
    public static string TextOf(ref Utf8JsonReader reader) =>
        IsText(ref reader) ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>
    /// Whether the current string or property name is text: an escaped lone surrogate (<c>"\ud800"</c>) is valid
    /// JSON but no string, and reading it as one throws.
    /// </summary>
    public static bool IsText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Expected(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "Must be a JSON string.",
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => "Must be a 32-bit integer, as a JSON number.",
        FieldType.UInt32 or FieldType.Fixed32 => "Must be an unsigned 32-bit integer, as a JSON number.",
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => "Must be a 64-bit integer, as a JSON number or string.",
        FieldType.UInt64 or FieldType.Fixed64 => "Must be an unsigned 64-bit integer, as a JSON number or string.",
        _ => ScalarText.Expected(field),
    };
}
