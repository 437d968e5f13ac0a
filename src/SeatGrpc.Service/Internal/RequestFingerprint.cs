using System.Collections;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// The idempotency key of a mutating request: its request id, the operation and the SHA-256 of a canonical
/// encoding of the request without its <c>request_id</c>. The protobuf encoder writes map entries in insertion
/// order, so two equal requests could encode differently; here every map is rebuilt in ordinal key order first.
/// </summary>
internal static class RequestFingerprint
{
    private const string RequestIdField = "request_id";

    /// <summary>Null when the request has no request id (no idempotency asked for).</summary>
    public static IdempotencyKey? KeyFor<T>(T request, string requestId, string operation)
        where T : IMessage<T>
    {
        if (requestId.Length == 0)
        {
            return null;
        }

        return new IdempotencyKey(requestId, operation, Compute(request));
    }

    public static byte[] Compute<T>(T request)
        where T : IMessage<T>
    {
        var copy = request.Clone();
        copy.Descriptor.FindFieldByName(RequestIdField)?.Accessor.Clear(copy);
        Canonicalize(copy);
        return SHA256.HashData(copy.ToByteArray());
    }

    private static void Canonicalize(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap)
            {
                SortMap((IDictionary)field.Accessor.GetValue(message));
            }
            else if (field.IsRepeated && field.FieldType == FieldType.Message)
            {
                foreach (IMessage item in (IList)field.Accessor.GetValue(message))
                {
                    Canonicalize(item);
                }
            }
            else if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage nested)
            {
                Canonicalize(nested);
            }
        }
    }

    private static void SortMap(IDictionary map)
    {
        if (map.Count == 0)
        {
            return;
        }

        var entries = new List<DictionaryEntry>(map.Count);
        foreach (DictionaryEntry entry in map)
        {
            entries.Add(entry);
        }

        entries.Sort(static (a, b) => a.Key is string x && b.Key is string y
            ? string.CompareOrdinal(x, y)
            : Comparer.DefaultInvariant.Compare(a.Key, b.Key));
        map.Clear();
        foreach (var entry in entries)
        {
            if (entry.Value is IMessage value)
            {
                Canonicalize(value);
            }

            map.Add(entry.Key, entry.Value);
        }
    }
}
