using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// Every field of every request, each set in turn to each of <see cref="FuzzValues"/>' values on the method's valid
/// request. A case that does not target request_id gets a fresh one, so that a valid case is applied, not replayed.
/// </summary>
internal static class ProtoCases
{
    public static IEnumerable<FuzzCase> All(FuzzTargets targets)
    {
        foreach (var (method, request) in targets.Requests())
        {
            foreach (var path in FieldPath.All(method.InputType))
            {
                var element = ValidElement(request, path);
                foreach (var (label, value) in FuzzValues.For(path.Leaf, element))
                {
                    var mutated = path.With(request, value);
                    if (path.Leaf.Name != "request_id")
                    {
                        FreshRequestId(mutated);
                    }

                    yield return new FuzzCase(method, $"{path} = {label}", mutated);
                }
            }
        }
    }

    /// <summary>An element to repeat in a repeated message field: the request's own first one where it has one.</summary>
    private static IMessage ValidElement(IMessage request, FieldPath path)
    {
        var leaf = path.Leaf;
        if (!leaf.IsRepeated || leaf.IsMap || leaf.FieldType != FieldType.Message)
        {
            return request;
        }

        var list = path.Fields.Count == 1 ? (System.Collections.IList)leaf.Accessor.GetValue(request) : null;
        return list is { Count: > 0 } ? (IMessage)list[0]! : leaf.MessageType.Parser.ParseFrom(ByteString.Empty);
    }

    private static void FreshRequestId(IMessage request)
    {
        if (request.Descriptor.FindFieldByName("request_id") is { } field)
        {
            field.Accessor.SetValue(request, FuzzTargets.NewId());
        }
    }
}
