using Grpc.Core.Internal;

namespace Grpc.Core;

/// <summary>A client's server-streaming call in progress. Dispose to cancel it.</summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly AsyncCallState _callState;

    /// <summary>Initializes a new instance of the <see cref="AsyncServerStreamingCall{TResponse}"/> class.</summary>
    /// <param name="responseStream">The responses.</param>
    /// <param name="responseHeadersAsync">The response headers.</param>
    /// <param name="getStatusFunc">Gets the status once the call has ended.</param>
    /// <param name="getTrailersFunc">Gets the trailers once the call has ended.</param>
    /// <param name="disposeAction">Cancels the call if it is still in progress and frees its resources.</param>
    public AsyncServerStreamingCall(
        IAsyncStreamReader<TResponse> responseStream,
        Task<Metadata> responseHeadersAsync,
        Func<Status> getStatusFunc,
        Func<Metadata> getTrailersFunc,
        Action disposeAction)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ResponseStream = responseStream;
        _callState = new AsyncCallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    /// <summary>Initializes a new instance of the <see cref="AsyncServerStreamingCall{TResponse}"/> class; the delegates receive <paramref name="state"/>.</summary>
    /// <param name="responseStream">The responses.</param>
    /// <param name="responseHeadersAsync">Gets the response headers.</param>
    /// <param name="getStatusFunc">Gets the status once the call has ended.</param>
    /// <param name="getTrailersFunc">Gets the trailers once the call has ended.</param>
    /// <param name="disposeAction">Cancels the call if it is still in progress and frees its resources.</param>
    /// <param name="state">The state passed to the delegates.</param>
    public AsyncServerStreamingCall(
        IAsyncStreamReader<TResponse> responseStream,
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc,
        Action<object> disposeAction,
        object state)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ResponseStream = responseStream;
        _callState = new AsyncCallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    /// <summary>Gets the responses.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    /// <summary>Gets the response headers.</summary>
    public Task<Metadata> ResponseHeadersAsync => _callState.ResponseHeadersAsync();

    /// <summary>Gets the status; only valid once the call has ended.</summary>
    /// <returns>The status.</returns>
    public Status GetStatus() => _callState.GetStatus();

    /// <summary>Gets the trailers; only valid once the call has ended.</summary>
    /// <returns>The trailers.</returns>
    public Metadata GetTrailers() => _callState.GetTrailers();

    /// <summary>Cancels the call if it is still in progress and frees its resources.</summary>
    public void Dispose() => _callState.Dispose();
}
