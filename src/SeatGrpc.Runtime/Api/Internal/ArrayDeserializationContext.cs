using System.Buffers;

namespace Grpc.Core.Internal;

/// <summary>Presents an array as a received payload, so a contextual deserializer can serve as an array-based one.</summary>
internal sealed class ArrayDeserializationContext : DeserializationContext
{
    private readonly byte[] _payload;

    public ArrayDeserializationContext(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _payload = payload;
    }

    public override int PayloadLength => _payload.Length;

    public override byte[] PayloadAsNewBuffer() => (byte[])_payload.Clone();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(_payload);
}
