namespace Grpc.Core;

/// <summary>Writes a stream of messages. Only one write may be pending at a time.</summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Gets or sets the options for the next writes.</summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>Writes a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>A task that completes when the message is handed to the transport.</returns>
    Task WriteAsync(T message);

    /// <summary>Writes a message; implementations that cannot observe cancellation reject a cancellable token.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the message is handed to the transport.</returns>
    Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        // Silently ignoring a token the caller expects to work would hide hangs.
        if (cancellationToken.CanBeCanceled)
        {
            throw new NotSupportedException("This writer does not support cancelling a write.");
        }

        return WriteAsync(message);
    }
}
