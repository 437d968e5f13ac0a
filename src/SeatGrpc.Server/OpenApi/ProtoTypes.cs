using Google.Protobuf.Reflection;

namespace SeatGrpc.Server.OpenApi;

/// <summary>
/// The messages and enums of a contract file and its imports, by CLR type, for the OpenAPI document:
/// schema ids are proto full names (<c>seats.v1.Seat</c>, <c>google.rpc.Status</c>), as generated C# names
/// collide (<c>SeatChange.Assign</c> is <c>Assign</c>).
/// </summary>
internal sealed class ProtoTypes
{
    private readonly Dictionary<Type, MessageDescriptor> _messages = [];
    private readonly Dictionary<Type, EnumDescriptor> _enums = [];

    public ProtoTypes(FileDescriptor contract)
    {
        Add(contract, []);
    }

    public MessageDescriptor? Message(Type type) => _messages.GetValueOrDefault(type);

    public string SchemaId(Type type) =>
        Message(type)?.FullName ?? _enums.GetValueOrDefault(type)?.FullName ?? type.Name;

    private void Add(FileDescriptor file, HashSet<string> seen)
    {
        if (!seen.Add(file.Name))
        {
            return;
        }

        foreach (var message in file.MessageTypes)
        {
            Add(message);
        }

        AddEnums(file.EnumTypes);
        foreach (var dependency in file.Dependencies)
        {
            Add(dependency, seen);
        }
    }

    private void Add(MessageDescriptor message)
    {
        // Map entries have no CLR type of their own.
        if (message.ClrType is { } type)
        {
            _messages[type] = message;
        }

        foreach (var nested in message.NestedTypes)
        {
            Add(nested);
        }

        AddEnums(message.EnumTypes);
    }

    private void AddEnums(IEnumerable<EnumDescriptor> enums)
    {
        foreach (var descriptor in enums)
        {
            _enums[descriptor.ClrType] = descriptor;
        }
    }
}
