namespace Grpc.Core;

/// <summary>The base of a generated client of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The generated client type.</typeparam>
public abstract class ClientBase<T> : ClientBase
    where T : ClientBase<T>
{
    /// <summary>Initializes a new instance of the <see cref="ClientBase{T}"/> class whose calls all fail; for mocking.</summary>
    protected ClientBase()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientBase{T}"/> class from a configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    protected ClientBase(ClientBaseConfiguration configuration)
        : base(configuration)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientBase{T}"/> class that calls through a channel.</summary>
    /// <param name="channel">The channel.</param>
    protected ClientBase(ChannelBase channel)
        : base(channel)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientBase{T}"/> class that calls through an invoker.</summary>
    /// <param name="callInvoker">The call invoker.</param>
    protected ClientBase(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    /// <summary>Creates a client of the same type with the given configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The new client.</returns>
    protected abstract T NewInstance(ClientBaseConfiguration configuration);
}
