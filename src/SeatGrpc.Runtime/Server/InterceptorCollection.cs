using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server;

/// <summary>The server interceptors of <see cref="GrpcServiceOptions"/>, in the order they run.</summary>
public sealed class InterceptorCollection : Collection<InterceptorRegistration>
{
    /// <summary>Adds an interceptor type.</summary>
    /// <typeparam name="TInterceptor">The interceptor type.</typeparam>
    /// <param name="args">Constructor arguments that DI does not supply.</param>
    public void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInterceptor>(params object[] args)
        where TInterceptor : Interceptor =>
        Add(typeof(TInterceptor), args);

    /// <summary>Adds an interceptor type.</summary>
    /// <param name="interceptorType">The interceptor type, derived from <see cref="Interceptor"/>.</param>
    /// <param name="args">Constructor arguments that DI does not supply.</param>
    public void Add([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type interceptorType, params object[] args) =>
        Add(new InterceptorRegistration(interceptorType, args));
}
