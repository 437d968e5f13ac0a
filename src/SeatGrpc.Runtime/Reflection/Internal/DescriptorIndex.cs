using Google.Protobuf.Reflection;

namespace SeatGrpc.Runtime.Reflection.Internal;

/// <summary>
/// The files that declare the served services and everything they import, indexed by file name, by fully
/// qualified symbol (services, methods, messages, nested types, fields, oneofs, enums, enum values,
/// extensions) and by extended message. Built once; read concurrently.
/// </summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _filesBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldDescriptor>> _extensionsByExtendee = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messageNames = new(StringComparer.Ordinal);

    public DescriptorIndex(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            names.Add(service.FullName);
            AddFile(service.File);
        }

        // Any call's status may carry these inside google.rpc.Status.details (an Any), which no service
        // file imports; a client decoding them through reflection alone must still find their types.
        AddFile(SeatGrpc.Rpc.ErrorDetailsReflection.Descriptor);
        ServiceNames = [.. names];
    }

    /// <summary>Gets the fully qualified names of the served services, sorted.</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFileByName(string fileName) => _filesByName.GetValueOrDefault(fileName);

    public FileDescriptor? FindFileBySymbol(string symbol) => _filesBySymbol.GetValueOrDefault(symbol);

    public bool IsKnownMessage(string messageName) => _messageNames.Contains(messageName);

    public IReadOnlyList<FieldDescriptor> FindExtensions(string extendeeName) =>
        _extensionsByExtendee.TryGetValue(extendeeName, out var extensions) ? extensions : [];

    /// <summary>Returns <paramref name="file"/> followed by every file it imports, directly or not, each once.</summary>
    public static IReadOnlyList<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var result = new List<FileDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next.Name))
            {
                continue;
            }

            result.Add(next);
            for (var i = next.Dependencies.Count - 1; i >= 0; i--)
            {
                pending.Push(next.Dependencies[i]);
            }
        }

        return result;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_filesByName.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddEnum(enumType, file);
        }

        AddExtensions(file.Extensions.UnorderedExtensions, file);
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        _messageNames.Add(message.FullName);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            AddSymbol(field.FullName, file);
        }

        foreach (var oneof in message.Oneofs)
        {
            AddSymbol(oneof.FullName, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            AddEnum(enumType, file);
        }

        AddExtensions(message.Extensions.UnorderedExtensions, file);
    }

    private void AddEnum(EnumDescriptor enumType, FileDescriptor file)
    {
        AddSymbol(enumType.FullName, file);

        // Enum values are siblings of their enum in protobuf scoping: pkg.Outer.VALUE, not pkg.Outer.Enum.VALUE.
        var scope = enumType.ContainingType?.FullName ?? file.Package;
        foreach (var value in enumType.Values)
        {
            AddSymbol(scope.Length == 0 ? value.Name : $"{scope}.{value.Name}", file);
        }
    }

    private void AddExtensions(IList<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var extension in extensions)
        {
            AddSymbol(extension.FullName, file);
            var extendee = extension.ExtendeeType.FullName;
            if (!_extensionsByExtendee.TryGetValue(extendee, out var list))
            {
                list = [];
                _extensionsByExtendee.Add(extendee, list);
            }

            list.Add(extension);
        }
    }

    // The first file to declare a symbol wins; protobuf forbids duplicates within one pool anyway.
    private void AddSymbol(string symbol, FileDescriptor file) => _filesBySymbol.TryAdd(symbol, file);
}
