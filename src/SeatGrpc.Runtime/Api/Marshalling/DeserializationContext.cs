using System.Buffers;

namespace Grpc.Core;

/// <summary>The payload of one received message, handed to a marshaller to deserialize.</summary>
public abstract class DeserializationContext
{
    /// <summary>Gets the length of the payload in bytes.</summary>
    public abstract int PayloadLength { get; }

    /// <summary>Copies the payload into a new array that the caller owns.</summary>
    /// <returns>The payload.</returns>
    public abstract byte[] PayloadAsNewBuffer();

    /// <summary>Gets the payload without copying; valid only until the deserializer returns.</summary>
    /// <returns>The payload.</returns>
    public abstract ReadOnlySequence<byte> PayloadAsReadOnlySequence();
}
