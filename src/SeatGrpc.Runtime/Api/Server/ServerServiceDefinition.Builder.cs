namespace Grpc.Core;

public sealed partial class ServerServiceDefinition
{
    /// <summary>Collects a service's methods; rejects two methods with the same full name.</summary>
    public sealed class Builder
    {
        private readonly HashSet<string> _fullNames = new(StringComparer.Ordinal);
        private readonly List<Action<ServiceBinderBase>> _addMethodActions = [];

        /// <summary>Adds a unary method.</summary>
        /// <typeparam name="TRequest">The request message type.</typeparam>
        /// <typeparam name="TResponse">The response message type.</typeparam>
        /// <param name="method">The method description.</param>
        /// <param name="handler">The handler.</param>
        /// <returns>This builder.</returns>
        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, handler, binder => binder.AddMethod(method, handler));

        /// <summary>Adds a client-streaming method.</summary>
        /// <typeparam name="TRequest">The request message type.</typeparam>
        /// <typeparam name="TResponse">The response message type.</typeparam>
        /// <param name="method">The method description.</param>
        /// <param name="handler">The handler.</param>
        /// <returns>This builder.</returns>
        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, handler, binder => binder.AddMethod(method, handler));

        /// <summary>Adds a server-streaming method.</summary>
        /// <typeparam name="TRequest">The request message type.</typeparam>
        /// <typeparam name="TResponse">The response message type.</typeparam>
        /// <param name="method">The method description.</param>
        /// <param name="handler">The handler.</param>
        /// <returns>This builder.</returns>
        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, handler, binder => binder.AddMethod(method, handler));

        /// <summary>Adds a bidirectional-streaming method.</summary>
        /// <typeparam name="TRequest">The request message type.</typeparam>
        /// <typeparam name="TResponse">The response message type.</typeparam>
        /// <param name="method">The method description.</param>
        /// <param name="handler">The handler.</param>
        /// <returns>This builder.</returns>
        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class =>
            Add(method, handler, binder => binder.AddMethod(method, handler));

        /// <summary>Creates the definition from the methods added so far.</summary>
        /// <returns>The service definition.</returns>
        public ServerServiceDefinition Build() => new(_addMethodActions.ToArray());

        private Builder Add(IMethod method, Delegate handler, Action<ServiceBinderBase> addMethod)
        {
            ArgumentNullException.ThrowIfNull(method);
            ArgumentNullException.ThrowIfNull(handler);
            if (!_fullNames.Add(method.FullName))
            {
                throw new ArgumentException($"Method \"{method.FullName}\" has already been added.", nameof(method));
            }

            _addMethodActions.Add(addMethod);
            return this;
        }
    }
}
