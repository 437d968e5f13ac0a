namespace Grpc.Core.Interceptors;

/// <summary>
/// Wraps server handlers; override the handlers of the kinds to intercept and call <c>continuation</c>
/// to go on. Server side only: the official client-side members are left out.
/// </summary>
public abstract class Interceptor
{
    /// <summary>Intercepts a unary call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="continuation">The next interceptor or the handler.</param>
    /// <returns>The response.</returns>
    public virtual Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(request, context);
    }

    /// <summary>Intercepts a client-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="requestStream">The requests.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="continuation">The next interceptor or the handler.</param>
    /// <returns>The response.</returns>
    public virtual Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(requestStream, context);
    }

    /// <summary>Intercepts a server-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseStream">Where the responses are written.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="continuation">The next interceptor or the handler.</param>
    /// <returns>A task that completes with the call.</returns>
    public virtual Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(request, responseStream, context);
    }

    /// <summary>Intercepts a bidirectional-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="requestStream">The requests.</param>
    /// <param name="responseStream">Where the responses are written.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="continuation">The next interceptor or the handler.</param>
    /// <returns>A task that completes with the call.</returns>
    public virtual Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(requestStream, responseStream, context);
    }
}
