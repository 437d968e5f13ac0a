using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Keeps the unimplemented fallback (<c>{service}/{method}</c>) out of the route matcher's candidates on the paths of
/// mapped methods. Such a path always goes to its method, so the fallback could only cost each call there: a second
/// candidate makes the matcher capture route values, run the fallback's constraints and rank both. Applied once,
/// when the matcher is built; a request then follows a jump table with a single destination.
/// </summary>
internal sealed class UnimplementedFallbackPolicy : MatcherPolicy, INodeBuilderPolicy
{
    /// <summary>The metadata that marks the fallback endpoint.</summary>
    public static readonly object FallbackMetadata = new UnimplementedFallbackMarker();

    // After the HTTP method policy (-1000), which has already split the candidates by method.
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var hasFallback = false;
        var hasMethod = false;
        foreach (var endpoint in endpoints)
        {
            hasFallback |= IsFallback(endpoint);
            hasMethod |= endpoint.Metadata.GetMetadata<GrpcMethodEntry>() is not null;
        }

        return hasFallback && hasMethod;
    }

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return [new PolicyNodeEdge(FallbackMetadata, endpoints.Where(endpoint => !IsFallback(endpoint)).ToArray())];
    }

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        return new SingleDestinationJumpTable(edges.Count == 1 ? edges[0].Destination : exitDestination);
    }

    private static bool IsFallback(Endpoint endpoint) => endpoint.Metadata.Contains(FallbackMetadata);

    private sealed class UnimplementedFallbackMarker
    {
        public override string ToString() => "gRPC unimplemented fallback";
    }

    private sealed class SingleDestinationJumpTable(int destination) : PolicyJumpTable
    {
        public override int GetDestination(HttpContext httpContext) => destination;
    }
}
