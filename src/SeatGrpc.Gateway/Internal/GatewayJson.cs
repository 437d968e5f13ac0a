using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Gateway.Internal;

/// <summary>The proto3 JSON parser and formatter of the gateway, sharing one type registry.</summary>
internal sealed class GatewayJson
{
    public GatewayJson(IEnumerable<FileDescriptor> files, bool formatDefaultValues)
    {
        Registry = TypeRegistry.FromFiles(
            files
                .Append(SeatGrpc.Rpc.StatusReflection.Descriptor)
                .Append(SeatGrpc.Rpc.ErrorDetailsReflection.Descriptor)
                .Distinct()
                .ToArray());
        Parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(false).WithTypeRegistry(Registry));
        Formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(formatDefaultValues).WithTypeRegistry(Registry));
        ErrorFormatter = new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithTypeRegistry(Registry));
    }

    public TypeRegistry Registry { get; }

    public JsonParser Parser { get; }

    /// <summary>Formats responses, with default values when the options ask for them.</summary>
    public JsonFormatter Formatter { get; }

    /// <summary>Formats <c>google.rpc.Status</c> bodies, always with <c>code</c>, <c>message</c> and <c>details</c>.</summary>
    public JsonFormatter ErrorFormatter { get; }
}
