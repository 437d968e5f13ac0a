using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>One generated request: the method, what was changed, and the request.</summary>
internal sealed record FuzzCase(MethodDescriptor Method, string Change, IMessage Request)
{
    public override string ToString() => $"{Method.Name} with {Change}";
}
