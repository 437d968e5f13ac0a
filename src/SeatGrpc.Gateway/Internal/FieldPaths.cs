using Google.Protobuf.Reflection;

namespace SeatGrpc.Gateway.Internal;

/// <summary>Resolves dotted field paths against message descriptors, by proto name or JSON name.</summary>
internal static class FieldPaths
{
    /// <summary>Finds a field by its proto name (<c>page_size</c>) or JSON name (<c>pageSize</c>).</summary>
    public static FieldDescriptor? Find(MessageDescriptor message, string name) =>
        message.FindFieldByName(name)
        ?? message.Fields.InDeclarationOrder().FirstOrDefault(field => string.Equals(field.JsonName, name, StringComparison.Ordinal));

    /// <summary>
    /// Resolves each part of <paramref name="path"/>; every part but the last must be a singular
    /// message field. Returns <see langword="null"/> and the reason when it cannot.
    /// </summary>
    public static IReadOnlyList<FieldDescriptor>? Resolve(MessageDescriptor message, IReadOnlyList<string> path, out string? error)
    {
        var fields = new FieldDescriptor[path.Count];
        var current = message;
        for (var i = 0; i < path.Count; i++)
        {
            if (current is null)
            {
                error = $"'{fields[i - 1].Name}' is not a message field";
                return null;
            }

            var field = Find(current, path[i]);
            if (field is null)
            {
                error = $"no field '{path[i]}' in message {current.FullName}";
                return null;
            }

            if (i < path.Count - 1 && (field.IsRepeated || field.IsMap))
            {
                error = $"'{field.Name}' is a repeated field";
                return null;
            }

            fields[i] = field;
            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        error = null;
        return fields;
    }
}
