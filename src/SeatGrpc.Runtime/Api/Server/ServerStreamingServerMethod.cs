namespace Grpc.Core;

/// <summary>The server-side handler of a server-streaming RPC.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="request">The request message.</param>
/// <param name="responseStream">Where the handler writes the responses.</param>
/// <param name="context">The call's context.</param>
/// <returns>A task that completes when the handler has written its last response.</returns>
public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
