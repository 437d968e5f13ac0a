namespace Grpc.Core;

/// <summary>
/// Starts client calls; a generated client calls it for every RPC. <c>host</c> overrides the channel's
/// authority and is null from generated code.
/// </summary>
public abstract class CallInvoker
{
    /// <summary>Makes a unary call and waits for its response.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">The authority, or null for the channel's.</param>
    /// <param name="options">The call options.</param>
    /// <param name="request">The request.</param>
    /// <returns>The response.</returns>
    public abstract TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    /// <summary>Starts a unary call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">The authority, or null for the channel's.</param>
    /// <param name="options">The call options.</param>
    /// <param name="request">The request.</param>
    /// <returns>The call.</returns>
    public abstract AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    /// <summary>Starts a server-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">The authority, or null for the channel's.</param>
    /// <param name="options">The call options.</param>
    /// <param name="request">The request.</param>
    /// <returns>The call.</returns>
    public abstract AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    /// <summary>Starts a client-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">The authority, or null for the channel's.</param>
    /// <param name="options">The call options.</param>
    /// <returns>The call.</returns>
    public abstract AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        where TRequest : class
        where TResponse : class;

    /// <summary>Starts a bidirectional-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">The authority, or null for the channel's.</param>
    /// <param name="options">The call options.</param>
    /// <returns>The call.</returns>
    public abstract AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        where TRequest : class
        where TResponse : class;
}
