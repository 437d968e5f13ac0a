using System.Runtime.CompilerServices;
using Grpc.Core.Internal;

namespace Grpc.Core;

/// <summary>A client's unary call in progress. Awaitable for its response; dispose to cancel it.</summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly AsyncCallState _callState;

    /// <summary>Initializes a new instance of the <see cref="AsyncUnaryCall{TResponse}"/> class.</summary>
    /// <param name="responseAsync">The response.</param>
    /// <param name="responseHeadersAsync">The response headers.</param>
    /// <param name="getStatusFunc">Gets the status once the call has ended.</param>
    /// <param name="getTrailersFunc">Gets the trailers once the call has ended.</param>
    /// <param name="disposeAction">Cancels the call if it is still in progress and frees its resources.</param>
    public AsyncUnaryCall(
        Task<TResponse> responseAsync,
        Task<Metadata> responseHeadersAsync,
        Func<Status> getStatusFunc,
        Func<Metadata> getTrailersFunc,
        Action disposeAction)
    {
        ArgumentNullException.ThrowIfNull(responseAsync);
        ResponseAsync = responseAsync;
        _callState = new AsyncCallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    /// <summary>Initializes a new instance of the <see cref="AsyncUnaryCall{TResponse}"/> class; the delegates receive <paramref name="state"/>.</summary>
    /// <param name="responseAsync">The response.</param>
    /// <param name="responseHeadersAsync">Gets the response headers.</param>
    /// <param name="getStatusFunc">Gets the status once the call has ended.</param>
    /// <param name="getTrailersFunc">Gets the trailers once the call has ended.</param>
    /// <param name="disposeAction">Cancels the call if it is still in progress and frees its resources.</param>
    /// <param name="state">The state passed to the delegates.</param>
    public AsyncUnaryCall(
        Task<TResponse> responseAsync,
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc,
        Action<object> disposeAction,
        object state)
    {
        ArgumentNullException.ThrowIfNull(responseAsync);
        ResponseAsync = responseAsync;
        _callState = new AsyncCallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    /// <summary>Gets the response; fails with <see cref="RpcException"/> if the call fails.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>Gets the response headers.</summary>
    public Task<Metadata> ResponseHeadersAsync => _callState.ResponseHeadersAsync();

    /// <summary>Gets the awaiter of <see cref="ResponseAsync"/>.</summary>
    /// <returns>The awaiter.</returns>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    /// <summary>Configures how the response is awaited.</summary>
    /// <param name="continueOnCapturedContext">Whether to continue on the captured context.</param>
    /// <returns>The configured awaitable.</returns>
    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) =>
        ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    /// <summary>Gets the status; only valid once the call has ended.</summary>
    /// <returns>The status.</returns>
    public Status GetStatus() => _callState.GetStatus();

    /// <summary>Gets the trailers; only valid once the call has ended.</summary>
    /// <returns>The trailers.</returns>
    public Metadata GetTrailers() => _callState.GetTrailers();

    /// <summary>Cancels the call if it is still in progress and frees its resources.</summary>
    public void Dispose() => _callState.Dispose();
}
