using Google.Protobuf.Reflection;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// The leading comments of messages, fields, enums, enum values and methods, by full name
/// (<c>seats.v1.Seat</c>, <c>seats.v1.Seat.name</c>, <c>seats.v1.SeatStatus.SEAT_STATUS_PENDING</c>,
/// <c>seats.v1.SeatService.GetSeat</c>), read from descriptor sets built with source info.
/// </summary>
internal sealed class ProtoComments
{
    // Field numbers of descriptor.proto used in SourceCodeInfo paths.
    private const int FileMessageType = 4;
    private const int FileEnumType = 5;
    private const int FileService = 6;
    private const int MessageField = 2;
    private const int MessageNestedType = 3;
    private const int MessageEnumType = 4;
    private const int EnumValue = 2;
    private const int ServiceMethod = 2;

    private readonly Dictionary<string, string> _comments = new(StringComparer.Ordinal);

    public static ProtoComments Empty { get; } = new();

    public static ProtoComments FromDescriptorSets(IEnumerable<byte[]> sets)
    {
        var comments = new ProtoComments();
        foreach (var set in sets)
        {
            foreach (var file in FileDescriptorSet.Parser.ParseFrom(set).File)
            {
                comments.Add(file);
            }
        }

        return comments;
    }

    public string? Get(string fullName) => _comments.TryGetValue(fullName, out var comment) ? comment : null;

    private void Add(FileDescriptorProto file)
    {
        if (file.SourceCodeInfo is null)
        {
            return;
        }

        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var location in file.SourceCodeInfo.Location)
        {
            if (location.HasLeadingComments)
            {
                byPath[string.Join(',', location.Path)] = Clean(location.LeadingComments);
            }
        }

        var prefix = file.Package.Length > 0 ? file.Package + "." : string.Empty;
        for (var i = 0; i < file.MessageType.Count; i++)
        {
            AddMessage(byPath, file.MessageType[i], prefix, $"{FileMessageType},{i}");
        }

        for (var i = 0; i < file.EnumType.Count; i++)
        {
            AddEnum(byPath, file.EnumType[i], prefix, $"{FileEnumType},{i}");
        }

        for (var i = 0; i < file.Service.Count; i++)
        {
            var service = file.Service[i];
            var path = $"{FileService},{i}";
            Put(byPath, path, prefix + service.Name);
            for (var j = 0; j < service.Method.Count; j++)
            {
                Put(byPath, $"{path},{ServiceMethod},{j}", $"{prefix}{service.Name}.{service.Method[j].Name}");
            }
        }
    }

    private void AddMessage(Dictionary<string, string> byPath, DescriptorProto message, string prefix, string path)
    {
        var name = prefix + message.Name;
        Put(byPath, path, name);
        for (var i = 0; i < message.Field.Count; i++)
        {
            Put(byPath, $"{path},{MessageField},{i}", $"{name}.{message.Field[i].Name}");
        }

        for (var i = 0; i < message.NestedType.Count; i++)
        {
            AddMessage(byPath, message.NestedType[i], name + ".", $"{path},{MessageNestedType},{i}");
        }

        for (var i = 0; i < message.EnumType.Count; i++)
        {
            AddEnum(byPath, message.EnumType[i], name + ".", $"{path},{MessageEnumType},{i}");
        }
    }

    private void AddEnum(Dictionary<string, string> byPath, EnumDescriptorProto type, string prefix, string path)
    {
        var name = prefix + type.Name;
        Put(byPath, path, name);
        for (var i = 0; i < type.Value.Count; i++)
        {
            Put(byPath, $"{path},{EnumValue},{i}", $"{name}.{type.Value[i].Name}");
        }
    }

    private void Put(Dictionary<string, string> byPath, string path, string fullName)
    {
        if (byPath.TryGetValue(path, out var comment))
        {
            _comments[fullName] = comment;
        }
    }

    private static string Clean(string comment) =>
        string.Join('\n', comment.Trim().Split('\n').Select(line => line.StartsWith(' ') ? line[1..] : line)).Trim();
}
