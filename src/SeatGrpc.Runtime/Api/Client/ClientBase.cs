using Grpc.Core.Internal;

namespace Grpc.Core;

/// <summary>The base of generated clients: holds the call invoker they call.</summary>
/// <remarks>Left out from the official type: <c>WithHost</c> and its host-overriding invoker (nothing here sets a host).</remarks>
public abstract partial class ClientBase
{
    /// <summary>Initializes a new instance of the <see cref="ClientBase"/> class whose calls all fail; for mocking.</summary>
    protected ClientBase()
        : this(new UnimplementedCallInvoker())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientBase"/> class from a configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    protected ClientBase(ClientBaseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        CallInvoker = configuration.CallInvoker;
    }

    /// <summary>Initializes a new instance of the <see cref="ClientBase"/> class that calls through a channel.</summary>
    /// <param name="channel">The channel.</param>
    protected ClientBase(ChannelBase channel)
        : this(CreateCallInvoker(channel))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientBase"/> class that calls through an invoker.</summary>
    /// <param name="callInvoker">The call invoker.</param>
    protected ClientBase(CallInvoker callInvoker)
        : this(new ClientBaseConfiguration(callInvoker))
    {
    }

    /// <summary>Gets the invoker the client's calls go through.</summary>
    protected CallInvoker CallInvoker { get; }

    /// <summary>Gets the configuration, to create a copy of the client.</summary>
    internal ClientBaseConfiguration Configuration { get; }

    private static CallInvoker CreateCallInvoker(ChannelBase channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker();
    }
}
