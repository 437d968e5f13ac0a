using System.Diagnostics.CodeAnalysis;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server;

/// <summary>
/// One server interceptor: its type and the constructor arguments DI cannot supply. An interceptor
/// registered in DI is resolved from the call's services; otherwise one is created per call and disposed after it.
/// </summary>
public sealed class InterceptorRegistration
{
    internal InterceptorRegistration(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type,
        object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!typeof(Interceptor).IsAssignableFrom(type))
        {
            throw new ArgumentException($"Type '{type}' is not an {nameof(Interceptor)}.", nameof(type));
        }

        Type = type;
        Arguments = arguments;
    }

    /// <summary>Gets the interceptor type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type Type { get; }

    /// <summary>Gets the constructor arguments that DI does not supply.</summary>
    public IReadOnlyList<object> Arguments { get; }
}
