namespace Grpc.Core;

/// <summary>
/// A call ended with a non-OK status. Thrown by a server handler, it sets the call's status and trailers;
/// thrown to a client, it carries what the server sent.
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RpcException"/> class; the message is the formatted status.</summary>
    /// <param name="status">The status.</param>
    public RpcException(Status status)
        : this(status, Metadata.Empty, status.ToString())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RpcException"/> class.</summary>
    /// <param name="status">The status.</param>
    /// <param name="message">The exception message (local only; the detail sent is the status's).</param>
    public RpcException(Status status, string message)
        : this(status, Metadata.Empty, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RpcException"/> class; the message is the formatted status.</summary>
    /// <param name="status">The status.</param>
    /// <param name="trailers">The trailers.</param>
    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, status.ToString())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RpcException"/> class.</summary>
    /// <param name="status">The status.</param>
    /// <param name="trailers">The trailers.</param>
    /// <param name="message">The exception message (local only; the detail sent is the status's).</param>
    public RpcException(Status status, Metadata trailers, string message)
        : base(message, status.DebugException)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    /// <summary>Gets the status.</summary>
    public Status Status { get; }

    /// <summary>Gets the status code.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Gets the trailers sent with the status.</summary>
    public Metadata Trailers { get; }
}
