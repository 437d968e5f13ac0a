using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Provides one registered interceptor per call: from DI when its type is registered there (DI owns it),
/// else created by a factory compiled at start-up and disposed by the runtime after the call.
/// </summary>
internal sealed class InterceptorActivator
{
    private readonly InterceptorRegistration _registration;
    private readonly object[] _arguments;
    private readonly ObjectFactory? _factory;

    public InterceptorActivator(InterceptorRegistration registration, IServiceProvider rootServices)
    {
        _registration = registration;
        _arguments = [.. registration.Arguments];
        var isService = rootServices.GetService<IServiceProviderIsService>()?.IsService(registration.Type) ?? false;
        if (!isService)
        {
            var argumentTypes = new Type[_arguments.Length];
            for (var i = 0; i < argumentTypes.Length; i++)
            {
                argumentTypes[i] = _arguments[i].GetType();
            }

            _factory = ActivatorUtilities.CreateFactory(registration.Type, argumentTypes);
        }
    }

    /// <summary>Gets an interceptor for one call.</summary>
    /// <param name="services">The call's services.</param>
    /// <param name="created">True when the runtime created it and must release it.</param>
    /// <returns>The interceptor.</returns>
    public Interceptor Create(IServiceProvider services, out bool created)
    {
        created = _factory is not null;
        var instance = _factory is not null
            ? _factory(services, _arguments)
            : services.GetRequiredService(_registration.Type);
        return (Interceptor)instance;
    }

    /// <summary>Disposes an interceptor the runtime created.</summary>
    /// <param name="interceptor">The interceptor.</param>
    /// <returns>A task that completes when it is disposed.</returns>
    public static ValueTask ReleaseAsync(Interceptor interceptor) => InstanceDisposal.DisposeAsync(interceptor);
}
