using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Reflection;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Server reflection (v1 and v1alpha) for the services the host maps, plus google/rpc/error_details.proto, which no
/// service file imports: without it, buf curl and grpcurl cannot decode the ErrorInfo inside a ManageSeats batch error.
/// </summary>
internal static class ReflectionSetup
{
    public static IServiceCollection AddSeatGrpcReflection(this IServiceCollection services, params ProtoServiceDescriptor[] served)
    {
        var names = served.Select(service => service.FullName).ToArray();
        var registry = SymbolRegistry.FromFiles(served.Select(service => service.File).Append(Google.Rpc.ErrorDetailsReflection.Descriptor));

        // AddGrpcReflection only fills these in where they are not registered yet.
        services.AddSingleton(new ReflectionServiceImpl(names, registry));
        services.AddSingleton(new ReflectionV1ServiceImpl(names, registry));
        return services.AddGrpcReflection();
    }
}
