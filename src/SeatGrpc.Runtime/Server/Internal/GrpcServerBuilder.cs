using Microsoft.Extensions.DependencyInjection;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>The <see cref="IGrpcServerBuilder"/> that <c>AddGrpc</c> returns.</summary>
internal sealed class GrpcServerBuilder(IServiceCollection services) : IGrpcServerBuilder
{
    public IServiceCollection Services { get; } = services;
}
