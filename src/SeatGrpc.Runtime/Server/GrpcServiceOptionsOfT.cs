namespace Grpc.AspNetCore.Server;

/// <summary>
/// Options for one service. They start as a copy of the global <see cref="GrpcServiceOptions"/>; the
/// service's own settings then override them, and its interceptors run after the global ones.
/// </summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
#pragma warning disable CA1812 // Instantiated by MapGrpcService through its generic type.
public class GrpcServiceOptions<TService> : GrpcServiceOptions
#pragma warning restore CA1812
    where TService : class
{
}
