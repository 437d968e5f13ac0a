using Microsoft.Extensions.DependencyInjection;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Provides a service instance per call, like grpc-dotnet's activator: from DI when the type is
/// registered there (DI owns it), else created with <see cref="ActivatorUtilities"/> and disposed after the call.
/// </summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly ObjectFactory? _factory;

    public ServiceActivator(IServiceProvider rootServices)
    {
        var isService = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? false;
        _factory = isService ? null : ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
    }

    /// <summary>Gets a service instance for one call.</summary>
    /// <param name="services">The call's services.</param>
    /// <param name="created">True when the runtime created it and must release it.</param>
    /// <returns>The instance.</returns>
    public TService Create(IServiceProvider services, out bool created)
    {
        created = _factory is not null;
        return _factory is not null
            ? (TService)_factory(services, null)
            : services.GetRequiredService<TService>();
    }
}
