using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>The proto3 JSON mapping both ways, with the types that error details carry.</summary>
internal static class RestJson
{
    public static readonly TypeRegistry Registry = TypeRegistry.FromFiles(
        SeatsReflection.Descriptor, Google.Rpc.StatusReflection.Descriptor, Google.Rpc.ErrorDetailsReflection.Descriptor);

    public static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(Registry));

    public static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Registry));

    public static string Format(IMessage message) => Formatter.Format(message);
}
