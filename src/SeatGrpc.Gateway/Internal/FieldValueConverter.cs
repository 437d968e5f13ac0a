using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Converts one path or query string value to the CLR value of a field: scalars in their
/// proto3 JSON text form, enums by name or number, well-known types by their JSON form.
/// </summary>
internal static class FieldValueConverter
{
    private static readonly HashSet<string> StringFormWellKnownTypes =
    [
        "google.protobuf.Timestamp",
        "google.protobuf.Duration",
        "google.protobuf.FieldMask",
    ];

    /// <summary>Whether a message-typed field can take one query value (a well-known type with a string or scalar form).</summary>
    public static bool IsScalarLike(FieldDescriptor field) =>
        field.FieldType != FieldType.Message
        || StringFormWellKnownTypes.Contains(field.MessageType.FullName)
        || IsWrapper(field.MessageType);

    /// <summary>Converts <paramref name="text"/>; throws <see cref="FormatException"/> with what was expected.</summary>
    public static object Convert(FieldDescriptor field, string text)
    {
        if (field.FieldType == FieldType.Message)
        {
            return ConvertMessage(field.MessageType, text);
        }

        var invariant = CultureInfo.InvariantCulture;
        return field.FieldType switch
        {
            FieldType.String => text,
            FieldType.Bool => text switch
            {
                "true" => true,
                "false" => false,
                _ => throw new FormatException("expected true or false"),
            },
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var i) ? i : throw new FormatException("expected a 32-bit integer"),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l) ? l : throw new FormatException("expected a 64-bit integer"),
            FieldType.UInt32 or FieldType.Fixed32 =>
                uint.TryParse(text, NumberStyles.None, invariant, out var u) ? u : throw new FormatException("expected an unsigned 32-bit integer"),
            FieldType.UInt64 or FieldType.Fixed64 =>
                ulong.TryParse(text, NumberStyles.None, invariant, out var ul) ? ul : throw new FormatException("expected an unsigned 64-bit integer"),
            FieldType.Double => ParseDouble(text),
            FieldType.Float => (float)ParseDouble(text),
            FieldType.Bytes => ParseBytes(text),
            FieldType.Enum => ParseEnum(field.EnumType, text),
            _ => throw new FormatException($"a {field.FieldType} field cannot be set from a string"),
        };
    }

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException("expected a number"),
    };

    private static ByteString ParseBytes(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        try
        {
            return ByteString.FromBase64(standard);
        }
        catch (FormatException)
        {
            throw new FormatException("expected base64");
        }
    }

    private static object ParseEnum(EnumDescriptor type, string text)
    {
        var value = type.FindValueByName(text);
        int number;
        if (value is not null)
        {
            number = value.Number;
        }
        else if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            var names = string.Join(", ", type.Values.Select(v => v.Name));
            throw new FormatException($"expected one of {names} or a number");
        }

        return type.ClrType is null ? number : Enum.ToObject(type.ClrType, number);
    }

    private static object ConvertMessage(MessageDescriptor type, string text)
    {
        if (IsWrapper(type))
        {
            // Generated C# holds wrapper fields as nullable primitives (int?, string, ByteString).
            return Convert(type.FindFieldByNumber(1), text);
        }

        if (!StringFormWellKnownTypes.Contains(type.FullName))
        {
            throw new FormatException($"a {type.FullName} cannot be set from one value; set its fields instead");
        }

        try
        {
            return JsonParser.Default.Parse(System.Text.Json.JsonSerializer.Serialize(text), type);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new FormatException($"expected the JSON form of {type.FullName} ({error.Message})");
        }
    }

    public static IMessage CreateMessage(MessageDescriptor type) => type.Parser.ParseFrom(ByteString.Empty);

    private static bool IsWrapper(MessageDescriptor type) =>
        type.File.Package == "google.protobuf" && type.Name.EndsWith("Value", StringComparison.Ordinal)
        && type.Name is not "Value" and not "ListValue" && type.Fields.InDeclarationOrder().Count == 1;
}
