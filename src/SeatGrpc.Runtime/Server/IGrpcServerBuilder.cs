namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddGrpc</c>, for further gRPC configuration.</summary>
public interface IGrpcServerBuilder
{
    /// <summary>Gets the application's services.</summary>
    IServiceCollection Services { get; }
}
