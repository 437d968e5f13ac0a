using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace SeatGrpc.Runtime.Tests.Reflection;

/// <summary>Reads reflection answers the way a client does: every file of one answer, built into a fresh pool.</summary>
internal static class ReflectionAnswers
{
    public static List<FileDescriptorProto> Parse(ServerReflectionResponse response)
    {
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        return response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
    }

    /// <summary>Builds the files of one answer, dependencies first; fails if an import is missing from the answer.</summary>
    public static IReadOnlyList<FileDescriptor> BuildPool(IEnumerable<ByteString> files)
    {
        var pending = files.ToDictionary(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name);
        var protos = pending.ToDictionary(pair => pair.Key, pair => FileDescriptorProto.Parser.ParseFrom(pair.Value));
        var ordered = new List<ByteString>();
        while (pending.Count > 0)
        {
            var ready = pending.Keys.Where(name => protos[name].Dependency.All(dependency => !pending.ContainsKey(dependency))).ToList();
            Assert.True(ready.Count > 0, $"Circular imports among {string.Join(", ", pending.Keys)}.");
            foreach (var name in ready)
            {
                var missing = protos[name].Dependency.Where(dependency => !protos.ContainsKey(dependency)).ToList();
                Assert.True(missing.Count == 0, $"{name} imports {string.Join(", ", missing)}, which the answer lacks.");
                ordered.Add(pending[name]);
                pending.Remove(name);
            }
        }

        return FileDescriptor.BuildFromByteStrings(ordered);
    }
}
