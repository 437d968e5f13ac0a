using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SeatGrpc.Runtime;
using SeatGrpc.Runtime.Reflection;
using SeatGrpc.Runtime.Reflection.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers gRPC server reflection, as Grpc.AspNetCore.Server.Reflection does.</summary>
public static class GrpcReflectionServiceExtensions
{
    /// <summary>
    /// Adds <c>grpc.reflection.v1</c> and <c>v1alpha</c>, describing every service mapped with <c>MapGrpcService</c>
    /// (read from the <see cref="GrpcMethodCatalog"/> on the first reflection call, so mapping order does not matter).
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var catalog = provider.GetRequiredService<GrpcMethodCatalog>();
            return new ReflectionResolver(() => MappedServices(catalog));
        });
        services.TryAddSingleton(provider => new ReflectionV1ServiceImpl(provider.GetRequiredService<ReflectionResolver>()));
        services.TryAddSingleton(provider => new ReflectionServiceImpl(provider.GetRequiredService<ReflectionResolver>()));
        return services;
    }

    private static IEnumerable<ProtoServiceDescriptor> MappedServices(GrpcMethodCatalog catalog) =>
        catalog.Methods
            .Select(method => method.Descriptor?.Service)
            .OfType<ProtoServiceDescriptor>()
            .Distinct();
}
