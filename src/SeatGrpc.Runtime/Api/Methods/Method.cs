namespace Grpc.Core;

/// <summary>A method's description together with the marshallers of its messages.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class Method<TRequest, TResponse> : IMethod
    where TRequest : class
    where TResponse : class
{
    /// <summary>Initializes a new instance of the <see cref="Method{TRequest, TResponse}"/> class.</summary>
    public Method(
        MethodType type,
        string serviceName,
        string name,
        Marshaller<TRequest> requestMarshaller,
        Marshaller<TResponse> responseMarshaller)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(requestMarshaller);
        ArgumentNullException.ThrowIfNull(responseMarshaller);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        RequestMarshaller = requestMarshaller;
        ResponseMarshaller = responseMarshaller;

        // Computed once: the server routes on it and the client builds its request path from it.
        FullName = "/" + serviceName + "/" + name;
    }

    /// <inheritdoc />
    public MethodType Type { get; }

    /// <inheritdoc />
    public string ServiceName { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string FullName { get; }

    /// <summary>Gets the marshaller of the request messages.</summary>
    public Marshaller<TRequest> RequestMarshaller { get; }

    /// <summary>Gets the marshaller of the response messages.</summary>
    public Marshaller<TResponse> ResponseMarshaller { get; }
}
