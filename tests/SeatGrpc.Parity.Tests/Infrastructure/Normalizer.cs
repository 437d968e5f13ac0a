using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>
/// Makes two runs of a scenario comparable. Values that differ by run by design — resource names, etags, tokens,
/// request ids, customer ids — become aliases numbered in the order they first appear (<c>seats/&lt;3&gt;</c>), so
/// that which seat is which still compares; the same aliases replace them inside free text (error messages,
/// ErrorInfo metadata); timestamps keep only their presence. Fields are walked in field-number order, so two runs
/// that behave alike number their values alike.
/// </summary>
internal sealed class Normalizer
{
    private static readonly HashSet<string> RunSpecificFields = new(StringComparer.Ordinal)
    {
        "name", "parent", "seat", "customer", "customer_id", "etag", "invitation_token", "page_token", "next_page_token", "request_id",
    };

    private static readonly Timestamp PresentTime = new();

    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    /// <summary>Registers a run-specific value (a pool name, a customer id) before any message mentions it.</summary>
    public string Alias(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (!_aliases.TryGetValue(value, out var alias))
        {
            var slash = value.LastIndexOf('/');
            alias = $"{(slash < 0 ? string.Empty : value[..(slash + 1)])}<{_aliases.Count + 1}>";
            _aliases.Add(value, alias);
        }

        return alias;
    }

    /// <summary>A normalized copy of <paramref name="message"/>.</summary>
    public IMessage Normalize(IMessage message)
    {
        var copy = message.Descriptor.Parser.ParseFrom(message.ToByteString());
        Walk(copy);
        return copy;
    }

    private void Walk(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                WalkMap((IDictionary)value, field);
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Replace(field, list[i]!);
                }
            }
            else if (value is not null && (field.RealContainingOneof is not { } oneof || oneof.Accessor.GetCaseFieldDescriptor(message) == field))
            {
                field.Accessor.SetValue(message, Replace(field, value));
            }
        }
    }

    private void WalkMap(IDictionary map, FieldDescriptor field)
    {
        var valueField = field.MessageType.FindFieldByNumber(2);
        foreach (var key in map.Keys.Cast<object>().ToList())
        {
            map[key] = Replace(valueField, map[key]!);
        }
    }

    private object Replace(FieldDescriptor field, object value)
    {
        switch (value)
        {
            case Timestamp:
                return PresentTime.Clone();
            case Any any:
                var inner = RestJson.Registry.Find(Any.GetTypeName(any.TypeUrl))
                    ?? throw new Xunit.Sdk.XunitException($"No descriptor for the detail {any.TypeUrl}.");
                var unpacked = inner.Parser.ParseFrom(any.Value);
                Walk(unpacked);
                return Any.Pack(unpacked);
            case IMessage child:
                Walk(child);
                return child;
            case string text when RunSpecificFields.Contains(field.Name):
                return Alias(text);
            case string text:
                return ReplaceKnown(text);
            default:
                return value;
        }
    }

    // Longest first, so "seats/abc" is replaced before a shorter value it contains.
    private string ReplaceKnown(string text)
    {
        foreach (var (value, alias) in _aliases.Where(pair => pair.Key.Length >= 6).OrderByDescending(pair => pair.Key.Length))
        {
            text = text.Replace(value, alias, StringComparison.Ordinal);
        }

        return text;
    }
}
