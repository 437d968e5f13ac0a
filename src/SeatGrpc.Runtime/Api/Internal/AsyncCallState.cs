namespace Grpc.Core.Internal;

/// <summary>
/// The call-state accessors shared by the four client call types. It holds either plain delegates or
/// delegates plus a state object, so an invoker can pass one call object and static lambdas instead of
/// allocating a closure per accessor.
/// </summary>
internal readonly struct AsyncCallState
{
    // Each field holds the stateless or the stateful form; the constructors guarantee which.
    private readonly object _responseHeadersAsync; // Task<Metadata> or Func<object, Task<Metadata>>
    private readonly object _getStatus;            // Func<Status> or Func<object, Status>
    private readonly object _getTrailers;          // Func<Metadata> or Func<object, Metadata>
    private readonly object _dispose;              // Action or Action<object>
    private readonly object? _state;

    public AsyncCallState(
        Task<Metadata> responseHeadersAsync,
        Func<Status> getStatusFunc,
        Func<Metadata> getTrailersFunc,
        Action disposeAction)
    {
        ArgumentNullException.ThrowIfNull(responseHeadersAsync);
        ArgumentNullException.ThrowIfNull(getStatusFunc);
        ArgumentNullException.ThrowIfNull(getTrailersFunc);
        ArgumentNullException.ThrowIfNull(disposeAction);
        _responseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatusFunc;
        _getTrailers = getTrailersFunc;
        _dispose = disposeAction;
        _state = null;
    }

    public AsyncCallState(
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc,
        Action<object> disposeAction,
        object state)
    {
        ArgumentNullException.ThrowIfNull(responseHeadersAsync);
        ArgumentNullException.ThrowIfNull(getStatusFunc);
        ArgumentNullException.ThrowIfNull(getTrailersFunc);
        ArgumentNullException.ThrowIfNull(disposeAction);
        ArgumentNullException.ThrowIfNull(state);
        _responseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatusFunc;
        _getTrailers = getTrailersFunc;
        _dispose = disposeAction;
        _state = state;
    }

    public Task<Metadata> ResponseHeadersAsync() =>
        _responseHeadersAsync is Task<Metadata> task ? task : ((Func<object, Task<Metadata>>)_responseHeadersAsync)(_state!);

    public Status GetStatus() =>
        _getStatus is Func<Status> get ? get() : ((Func<object, Status>)_getStatus)(_state!);

    public Metadata GetTrailers() =>
        _getTrailers is Func<Metadata> get ? get() : ((Func<object, Metadata>)_getTrailers)(_state!);

    public void Dispose()
    {
        if (_dispose is Action dispose)
        {
            dispose();
        }
        else
        {
            ((Action<object>)_dispose)(_state!);
        }
    }
}
