namespace Grpc.Core;

/// <summary>A connection (or pool of connections) to one target, from which clients make calls.</summary>
public abstract class ChannelBase
{
    /// <summary>Initializes a new instance of the <see cref="ChannelBase"/> class.</summary>
    /// <param name="target">The target, e.g. <c>http://127.0.0.1:5000</c>.</param>
    protected ChannelBase(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
    }

    /// <summary>Gets the target the channel was created for.</summary>
    public string Target { get; }

    /// <summary>Creates a call invoker that makes calls on this channel.</summary>
    /// <returns>The call invoker.</returns>
    public abstract CallInvoker CreateCallInvoker();

    /// <summary>Shuts the channel down.</summary>
    /// <returns>A task that completes when the channel is shut down.</returns>
    public Task ShutdownAsync() => ShutdownAsyncCore();

    /// <summary>Shuts the channel down; nothing to do by default.</summary>
    /// <returns>A task that completes when the channel is shut down.</returns>
    protected virtual Task ShutdownAsyncCore() => Task.CompletedTask;
}
