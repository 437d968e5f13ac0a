using Google.Protobuf.Reflection;
using SeatGrpc.Runtime;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// One HTTP binding of one RPC, with its binding facts computed once at start-up; requests only
/// read them.
/// </summary>
internal sealed class GatewayRoute
{
    public required GrpcMethodEntry Entry { get; init; }

    public required MethodDescriptor Method { get; init; }

    /// <summary>The upper-case HTTP method (GET, POST, ... or a custom kind).</summary>
    public required string HttpMethod { get; init; }

    public required PathTemplate Template { get; init; }

    /// <summary>The fields each path variable sets, in <see cref="PathTemplate.Variables"/> order.</summary>
    public required IReadOnlyList<IReadOnlyList<FieldDescriptor>> PathFields { get; init; }

    /// <summary>Whether the whole request message comes from the body (<c>body: "*"</c>).</summary>
    public required bool BodyIsWholeMessage { get; init; }

    /// <summary>The top-level field the body fills (<c>body: "field"</c>), or <see langword="null"/>.</summary>
    public required FieldDescriptor? BodyField { get; init; }

    /// <summary>The top-level response field written as the response (<c>response_body</c>), or <see langword="null"/>.</summary>
    public required FieldDescriptor? ResponseBodyField { get; init; }

    /// <summary>Whether the method streams its responses (written as NDJSON).</summary>
    public required bool IsServerStreaming { get; init; }

    /// <summary>0 for the main rule, 1... for its additional bindings.</summary>
    public required int BindingIndex { get; init; }

    public bool HasBody => BodyIsWholeMessage || BodyField is not null;

    public string RpcName => Method.FullName;

    public override string ToString() => $"{HttpMethod} {Template.Text} -> {RpcName}";
}
