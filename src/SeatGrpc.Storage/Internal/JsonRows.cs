using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SeatGrpc.Storage.Internal;

/// <summary>Writes the JSON array of row arrays that one bulk statement reads through <see cref="JsonRowSyntax"/>.</summary>
internal static class JsonRows
{
    public static string Write<T>(IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> writeRow)
    {
        var buffer = new ArrayBufferWriter<byte>(rows.Count * 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                writeRow(writer, row);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A flat JSON array of strings.</summary>
    public static string WriteTexts(IReadOnlyList<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>(values.Count * 48);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Text(this Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    public static void Int(this Utf8JsonWriter writer, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void Hex(this Utf8JsonWriter writer, byte[]? value) => writer.Text(value is null ? null : Convert.ToHexString(value));
}
