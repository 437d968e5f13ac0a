using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// A field inside a request, reached through message fields and the first element of repeated message fields
/// (<c>changes[0].assign.grantee.email</c>); sets a value there on a copy of the request, creating messages on the way.
/// </summary>
internal sealed record FieldPath(IReadOnlyList<FieldDescriptor> Fields)
{
    public FieldDescriptor Leaf => Fields[^1];

    public override string ToString() =>
        string.Join('.', Fields.Select(f => f.IsRepeated && f.FieldType == FieldType.Message && !f.IsMap ? f.Name + "[0]" : f.Name));

    /// <summary>Every field of <paramref name="descriptor"/>, down to <paramref name="depth"/> message levels.</summary>
    public static IEnumerable<FieldPath> All(MessageDescriptor descriptor, int depth = 4)
    {
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            yield return new FieldPath([field]);
            if (field.FieldType == FieldType.Message && !field.IsMap && depth > 1 && !IsWellKnown(field.MessageType))
            {
                foreach (var inner in All(field.MessageType, depth - 1))
                {
                    yield return new FieldPath([field, .. inner.Fields]);
                }
            }
        }
    }

    /// <summary>A copy of <paramref name="request"/> with <paramref name="value"/> (a CLR value of the leaf's type) at this path.</summary>
    public IMessage With(IMessage request, object? value)
    {
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        var target = copy;
        foreach (var field in Fields.Take(Fields.Count - 1))
        {
            target = Child(target, field);
        }

        var leaf = Leaf;
        if (leaf.IsMap)
        {
            var map = (IDictionary)leaf.Accessor.GetValue(target);
            map.Clear();
            foreach (DictionaryEntry entry in (IDictionary)value!)
            {
                map[entry.Key] = entry.Value;
            }
        }
        else if (leaf.IsRepeated)
        {
            var list = (IList)leaf.Accessor.GetValue(target);
            list.Clear();
            foreach (var item in (IEnumerable)value!)
            {
                list.Add(item);
            }
        }
        else if (value is null)
        {
            leaf.Accessor.Clear(target);
        }
        else
        {
            leaf.Accessor.SetValue(target, value);
        }

        return copy;
    }

    private static IMessage Child(IMessage parent, FieldDescriptor field)
    {
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(parent);
            if (list.Count == 0)
            {
                list.Add(field.MessageType.Parser.ParseFrom(ByteString.Empty));
            }

            return (IMessage)list[0]!;
        }

        if (field.Accessor.GetValue(parent) is IMessage existing)
        {
            return existing;
        }

        var created = field.MessageType.Parser.ParseFrom(ByteString.Empty);
        field.Accessor.SetValue(parent, created);
        return created;
    }

    private static bool IsWellKnown(MessageDescriptor descriptor) => descriptor.File.Package == "google.protobuf";
}
