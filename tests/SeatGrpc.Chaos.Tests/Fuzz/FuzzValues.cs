using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// Invalid and boundary values per field type: lengths around every limit, unicode, control characters, injection-like
/// text, resource-name shapes, numbers at and past their ranges, unknown enum values, oversized lists and maps.
/// </summary>
internal static class FuzzValues
{
    private static readonly string[] Texts =
    [
        "", " ", "a", new('a', 40), new('a', 41), new('a', 63), new('a', 64), new('a', 254), new('a', 255), new('a', 256), new('a', 501),
        new('a', 5000), "Ünïcödé ✓ 🎉", "\u0000", "a\u0000b", "\u0001\u001f", "line\nbreak", "tab\tbed", "\u007f", "\u202erevo", "\ufeffbom",
        "' OR '1'='1", "\"; DROP TABLE seats; --", "%00", "%2F", "..", "../..", "{0}", "${x}", "a@b", "@@", "ada@example.com",
        new string('a', 65) + "@example.com", "ada@" + new string('b', 250) + ".com", "ÄDA@EXAMPLE.COM", "ada@exämple.com", "ada@-x-.com",
        "not-a-uuid", "00000000-0000-0000-0000-000000000000", "5F0C6A8E-2D0B-4A57-9F55-0D6A3C1B7E21",
    ];

    private static readonly string[] Ids = ["", "x", new('a', 63), new('a', 64), "a/b", "a%2Fb", "ü", "a\u0000", "a b", "..", ".", "~", "-"];

    private static readonly string[] Collections = ["subscriptions/", "orders/", "seats/", "customers/", "subscription/", "SUBSCRIPTIONS/", "/", ""];

    /// <summary>The values to try in a field (CLR values of its type), each with a short label.</summary>
    public static IEnumerable<(string Label, object? Value)> For(FieldDescriptor field, IMessage validElement)
    {
        if (field.IsMap)
        {
            return Maps();
        }

        if (field.IsRepeated)
        {
            return field.FieldType == FieldType.Message ? Lists(validElement) : [("empty list", Array.Empty<string>())];
        }

        return field.FieldType switch
        {
            FieldType.String => Strings(field),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Int32s(),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Int64s(),
            FieldType.Bool => [("true", true), ("false", false)],
            FieldType.Enum => [.. new[] { 0, 1, 2, 3, 4, 7, 8, 99, -1, int.MaxValue }.Select(n => ($"enum {n}", (object?)Enum.ToObject(field.EnumType.ClrType, n)))],
            FieldType.Message => [("unset", null), ("empty message", field.MessageType.Parser.ParseFrom(ByteString.Empty))],
            _ => [],
        };
    }

    private static IEnumerable<(string, object?)> Strings(FieldDescriptor field)
    {
        foreach (var text in Texts)
        {
            yield return ($"\"{Label(text)}\"", text);
        }

        // Resource names: every collection with ids at and past the rules.
        if (field.Name is "parent" or "name" or "customer")
        {
            foreach (var collection in Collections)
            {
                foreach (var id in Ids)
                {
                    yield return ($"\"{Label(collection + id)}\"", collection + id);
                }
            }
        }
    }

    private static IEnumerable<(string, object?)> Int32s() =>
        new[] { 0, 1, -1, 2, 50, 1000, 1001, int.MaxValue, int.MinValue }.Select(n => ($"{n}", (object?)n));

    private static IEnumerable<(string, object?)> Int64s() =>
        new[] { 0L, 1L, -1L, 1L << 53, long.MaxValue, long.MinValue }.Select(n => ($"{n}", (object?)n));

    private static IEnumerable<(string, object?)> Lists(IMessage element)
    {
        yield return ("no elements", Array.Empty<IMessage>());
        yield return ("1000 elements", Enumerable.Repeat(element, 1000).ToArray());
        yield return ("1001 elements", Enumerable.Repeat(element, 1001).ToArray());
        yield return ("300000 elements (over 4 MiB)", Enumerable.Repeat(element, 300_000).ToArray());
        yield return ("an empty element", new[] { element.Descriptor.Parser.ParseFrom(ByteString.Empty) });
    }

    private static IEnumerable<(string, object?)> Maps()
    {
        yield return ("50 keys", Map(Enumerable.Range(0, 50).Select(i => ($"k{i}", "v"))));
        yield return ("51 keys", Map(Enumerable.Range(0, 51).Select(i => ($"k{i}", "v"))));
        yield return ("empty key", Map([("", "v")]));
        yield return ("40-char key", Map([(new string('k', 40), "v")]));
        yield return ("41-char key", Map([(new string('k', 41), "v")]));
        yield return ("500-char value", Map([("k", new string('v', 500))]));
        yield return ("501-char value", Map([("k", new string('v', 501))]));
        yield return ("control chars", Map([("k\u0000", "v\u0001")]));
        yield return ("unicode", Map([("ключ 🎉", "значение ✓")]));
        yield return ("10000 keys", Map(Enumerable.Range(0, 10000).Select(i => ($"key{i}", "value"))));
    }

    private static Dictionary<string, string> Map(IEnumerable<(string Key, string Value)> entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static string Label(string text)
    {
        var printable = string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return printable.Length <= 24 ? printable : $"{printable[..12]}...({text.Length} chars)";
    }
}
