using Microsoft.Extensions.DependencyInjection;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// The lifetimes of the application's registrations, which <see cref="IServiceProvider"/> does not expose: with them
/// a singleton service is resolved once, and a call need not create the request's DI scope just to find it.
/// Registered by <c>AddGrpc</c> over the application's service collection, read when services are mapped.
/// </summary>
internal sealed class ServiceLifetimes(IServiceCollection services)
{
    /// <summary>Tells whether the registration that resolves a type (the last one) is a singleton.</summary>
    /// <param name="serviceType">The service type.</param>
    /// <returns>True for a singleton; false for scoped, transient or unregistered.</returns>
    public bool IsSingleton(Type serviceType)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == serviceType && !descriptor.IsKeyedService)
            {
                return descriptor.Lifetime == ServiceLifetime.Singleton;
            }
        }

        return false;
    }
}
