namespace Grpc.Core;

/// <summary>Writes a server's response messages.</summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
