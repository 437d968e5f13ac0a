using System.Buffers.Text;
using System.Globalization;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>
/// Checks a value given as text (a query parameter, a map key) against its field's type, as JSON transcoding
/// converts it: integers in the invariant culture, bools as true/false, enums by name or known number.
/// </summary>
internal static class ScalarText
{
    /// <summary>Null when <paramref name="text"/> converts to the field's type; otherwise what it must be.</summary>
    public static string? Check(FieldDescriptor field, string text)
    {
        var ok = field.FieldType switch
        {
            FieldType.String => true,
            FieldType.Bool => bool.TryParse(text, out _),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            FieldType.Double or FieldType.Float => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _),
            FieldType.Bytes => Base64.IsValid(text),
            FieldType.Enum => IsEnumValue(field.EnumType, text),
            FieldType.Message => IsMessageText(field.MessageType, text),
            _ => false,
        };
        return ok ? null : Expected(field);
    }

    /// <summary>What a value of the field's type must be, in words, for a field violation.</summary>
    public static string Expected(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "Must be a string.",
        FieldType.Bool => "Must be true or false.",
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => "Must be a 32-bit integer.",
        FieldType.UInt32 or FieldType.Fixed32 => "Must be an unsigned 32-bit integer.",
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => "Must be a 64-bit integer.",
        FieldType.UInt64 or FieldType.Fixed64 => "Must be an unsigned 64-bit integer.",
        FieldType.Double or FieldType.Float => "Must be a number (or \"NaN\", \"Infinity\", \"-Infinity\").",
        FieldType.Bytes => "Must be a base64 string.",
        FieldType.Enum => $"Must be one of {string.Join(", ", field.EnumType.Values.Select(v => v.Name))}, or its number.",
        FieldType.Message => ExpectedMessage(field.MessageType),
        _ => "Has a type this API does not read.",
    };

    private static string ExpectedMessage(MessageDescriptor type) => WellKnownJson.ShapeOf(type) switch
    {
        JsonShape.Text => $"Must be {WellKnownJson.TextFormat(type)}.",
        JsonShape.Wrapper => Expected(WellKnownJson.WrappedField(type)),
        JsonShape.AnyArray => "Must be a JSON array.",
        JsonShape.AnyValue => "Must be a JSON value.",
        _ => "Must be a JSON object.",
    };

    private static bool IsEnumValue(EnumDescriptor type, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? type.FindValueByNumber(number) is not null
            : type.FindValueByName(text) is not null;

    private static bool IsMessageText(MessageDescriptor type, string text) => WellKnownJson.ShapeOf(type) switch
    {
        JsonShape.Text => WellKnownJson.IsValidText(type, text),
        JsonShape.Wrapper => Check(WellKnownJson.WrappedField(type), text) is null,
        _ => false,
    };
}
