namespace Grpc.Core;

/// <summary>The server-side handler of a client-streaming RPC.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="requestStream">The requests as they arrive.</param>
/// <param name="context">The call's context.</param>
/// <returns>The response message.</returns>
public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
