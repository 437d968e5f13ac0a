using System.Buffers;

namespace Grpc.Core;

/// <summary>
/// Where a marshaller writes one serialized message: either a whole array through
/// <see cref="Complete(byte[])"/>, or through <see cref="GetBufferWriter"/> followed by <see cref="Complete()"/>.
/// </summary>
public abstract class SerializationContext
{
    /// <summary>Completes serialization with the given payload, which the context may keep without copying.</summary>
    /// <param name="payload">The serialized message.</param>
    public abstract void Complete(byte[] payload);

    /// <summary>Gets a writer to serialize the message into; call <see cref="Complete()"/> when done.</summary>
    /// <returns>The buffer writer.</returns>
    public abstract IBufferWriter<byte> GetBufferWriter();

    /// <summary>Announces the payload's length before it is written, so the context can size its buffer.</summary>
    /// <param name="payloadLength">The length in bytes.</param>
    public virtual void SetPayloadLength(int payloadLength)
    {
        // A hint only: contexts that do not need it may ignore it.
    }

    /// <summary>Completes serialization done through <see cref="GetBufferWriter"/>.</summary>
    public abstract void Complete();
}
