using Microsoft.AspNetCore.Routing;
using SeatGrpc.Runtime.Reflection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC server reflection, as Grpc.AspNetCore.Server.Reflection does.</summary>
public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>grpc.reflection.v1.ServerReflection</c> and <c>grpc.reflection.v1alpha.ServerReflection</c>
    /// (registered by <c>AddGrpcReflection</c>), so grpcurl and <c>buf curl</c> work without .proto files.
    /// </summary>
    /// <param name="builder">The endpoint route builder.</param>
    /// <returns>A builder for conventions applied to the endpoints of both versions.</returns>
    public static GrpcServiceEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var v1 = builder.MapGrpcService<ReflectionV1ServiceImpl>();
        var v1Alpha = builder.MapGrpcService<ReflectionServiceImpl>();
        return new GrpcServiceEndpointConventionBuilder([v1, v1Alpha]);
    }
}
