namespace Grpc.Core;

/// <summary>The server-side handler of a unary RPC.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="request">The request message.</param>
/// <param name="context">The call's context.</param>
/// <returns>The response message.</returns>
public delegate Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
