using System.Collections.Frozen;
using System.Text.Json;

namespace SeatGrpc.Domain.Internal;

/// <summary>Seat metadata: at most 50 keys of at most 40 characters, values of at most 500; stored as JSON text.</summary>
internal static class MetadataCodec
{
    public const int MaxKeys = 50;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;
    public const string EmptyJson = "{}";

    private static readonly IReadOnlyDictionary<string, string> Empty = FrozenDictionary<string, string>.Empty;

    public static string Encode(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0)
        {
            return EmptyJson;
        }

        if (metadata.Count > MaxKeys)
        {
            throw Invalid($"Metadata has {metadata.Count} keys; at most {MaxKeys} are allowed.");
        }

        var copy = new Dictionary<string, string>(metadata.Count, StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            if (key.Length is 0 or > MaxKeyLength)
            {
                throw Invalid($"Metadata keys must have 1 to {MaxKeyLength} characters.");
            }

            if (value is null || value.Length > MaxValueLength)
            {
                throw Invalid($"The value of metadata key '{key}' must have at most {MaxValueLength} characters.");
            }

            copy.Add(key, value);
        }

        return JsonSerializer.Serialize(copy, MetadataJsonContext.Default.DictionaryStringString);
    }

    public static IReadOnlyDictionary<string, string> Decode(string json)
    {
        if (json.Length <= 2)
        {
            return Empty;
        }

        return JsonSerializer.Deserialize(json, MetadataJsonContext.Default.DictionaryStringString) ?? Empty;
    }

    private static SeatDomainException Invalid(string message) => new(SeatErrorKind.InvalidArgument, message);
}
