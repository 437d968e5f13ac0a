using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>The JSON shape of a message type in the proto3 JSON mapping: an object, or a well-known type's own form.</summary>
internal enum JsonShape
{
    /// <summary>A plain message: a JSON object of its fields.</summary>
    Object,

    /// <summary>Timestamp, Duration, FieldMask: a string in their own format.</summary>
    Text,

    /// <summary>A wrapper (Int32Value, StringValue, ...): the wrapped scalar.</summary>
    Wrapper,

    /// <summary>google.protobuf.Value: any JSON value.</summary>
    AnyValue,

    /// <summary>Struct and Any: any JSON object.</summary>
    AnyObject,

    /// <summary>ListValue: any JSON array.</summary>
    AnyArray,
}

/// <summary>The well-known types, whose JSON is not an object of their fields.</summary>
internal static class WellKnownJson
{
    public static JsonShape ShapeOf(MessageDescriptor type)
    {
        var name = type.FullName;
        if (name == Timestamp.Descriptor.FullName || name == Duration.Descriptor.FullName || name == FieldMask.Descriptor.FullName)
        {
            return JsonShape.Text;
        }

        if (name == Value.Descriptor.FullName)
        {
            return JsonShape.AnyValue;
        }

        if (name == Struct.Descriptor.FullName || name == Any.Descriptor.FullName)
        {
            return JsonShape.AnyObject;
        }

        if (name == ListValue.Descriptor.FullName)
        {
            return JsonShape.AnyArray;
        }

        return type.File == WrappersReflection.Descriptor ? JsonShape.Wrapper : JsonShape.Object;
    }

    /// <summary>Whether a query parameter can carry the type: a wrapper or a Timestamp, Duration or FieldMask string.</summary>
    public static bool IsQueryValue(MessageDescriptor type) => ShapeOf(type) is JsonShape.Text or JsonShape.Wrapper;

    /// <summary>The wrapped field of a wrapper type (its field 1, <c>value</c>).</summary>
    public static FieldDescriptor WrappedField(MessageDescriptor wrapper) => wrapper.FindFieldByNumber(1);

    /// <summary>Whether <paramref name="text"/> is a valid Timestamp, Duration or FieldMask, by Google.Protobuf's own parser.</summary>
    public static bool IsValidText(MessageDescriptor type, string text)
    {
        try
        {
            JsonParser.Default.Parse($"\"{JsonEncodedText.Encode(text)}\"", type);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
        catch (InvalidJsonException)
        {
            return false;
        }
    }

    /// <summary>What a Timestamp, Duration or FieldMask string must look like.</summary>
    public static string TextFormat(MessageDescriptor type) =>
        type.FullName == Timestamp.Descriptor.FullName ? "an RFC 3339 timestamp string, such as \"2025-01-31T12:00:00Z\""
        : type.FullName == Duration.Descriptor.FullName ? "a duration string in seconds, such as \"1.5s\""
        : "a field mask string, such as \"email,metadata\"";
}
