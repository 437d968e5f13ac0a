using Microsoft.AspNetCore.Routing;
using SeatGrpc.Runtime.Server.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC services to endpoints, as Grpc.AspNetCore's <c>MapGrpcService</c> does.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of a service (a class derived from a generated service base) to POST
    /// <c>/{package.Service}/{Method}</c>, registers them in the <c>GrpcMethodCatalog</c>, and answers other
    /// gRPC requests with UNIMPLEMENTED. The service is resolved per call from DI when registered there,
    /// else created per call and disposed after it.
    /// </summary>
    /// <typeparam name="TService">The service implementation type.</typeparam>
    /// <param name="builder">The endpoint route builder.</param>
    /// <returns>A builder for conventions applied to all of the service's endpoints.</returns>
    public static GrpcServiceEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder builder)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return GrpcRouting.MapService<TService>(builder);
    }
}
