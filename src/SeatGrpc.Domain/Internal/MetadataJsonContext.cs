using System.Text.Json.Serialization;

namespace SeatGrpc.Domain.Internal;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
