namespace Grpc.Core;

/// <summary>
/// Receives a service's methods from the generated <c>BindService(ServiceBinderBase, ...)</c> or from
/// <see cref="ServerServiceDefinition"/>. A host derives from it to build its routes. The handler is null
/// when the generated method is called without a service instance (to discover the methods only).
/// </summary>
public abstract class ServiceBinderBase
{
    /// <summary>Adds a unary method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler, or null.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class =>
        throw new NotImplementedException();

    /// <summary>Adds a client-streaming method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler, or null.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class =>
        throw new NotImplementedException();

    /// <summary>Adds a server-streaming method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler, or null.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class =>
        throw new NotImplementedException();

    /// <summary>Adds a bidirectional-streaming method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler, or null.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class =>
        throw new NotImplementedException();
}
