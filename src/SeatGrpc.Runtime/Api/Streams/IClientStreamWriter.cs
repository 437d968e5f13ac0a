namespace Grpc.Core;

/// <summary>Writes a client's request messages.</summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Tells the server that no more requests will be sent.</summary>
    /// <returns>A task that completes when the end of the stream is sent.</returns>
    Task CompleteAsync();
}
