using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Provides a service instance per call, like grpc-dotnet's activator: from DI when the type is
/// registered there (DI owns it), else created with <see cref="ActivatorUtilities"/> and disposed after the call.
/// A singleton is resolved once from the root services, so its calls do not create the request's DI scope.
/// </summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly ObjectFactory? _factory;
    private readonly IServiceProvider _rootServices;
    private readonly bool _isSingleton;
    private TService? _singleton;

    public ServiceActivator(IServiceProvider rootServices)
    {
        var isService = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? false;
        _factory = isService ? null : ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        _rootServices = rootServices;
        _isSingleton = isService && (rootServices.GetService<ServiceLifetimes>()?.IsSingleton(typeof(TService)) ?? false);
    }

    /// <summary>Gets a service instance for one call.</summary>
    /// <param name="httpContext">The call's request; its services (the request's DI scope) are only created when needed.</param>
    /// <param name="created">True when the runtime created it and must release it.</param>
    /// <returns>The instance.</returns>
    public TService Create(HttpContext httpContext, out bool created)
    {
        created = _factory is not null;
        if (_factory is not null)
        {
            return (TService)_factory(httpContext.RequestServices, null);
        }

        // Resolved on first use, not at start-up, so a singleton is still built when DI would build it.
        return _isSingleton
            ? _singleton ??= _rootServices.GetRequiredService<TService>()
            : httpContext.RequestServices.GetRequiredService<TService>();
    }
}
