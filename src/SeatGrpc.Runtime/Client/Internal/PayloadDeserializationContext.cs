using System.Buffers;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>Presents one received payload, straight from the read buffer, to a contextual deserializer. Reused per reader.</summary>
internal sealed class PayloadDeserializationContext : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    public void SetPayload(ReadOnlySequence<byte> payload) => _payload = payload;

    public void Clear() => _payload = default;

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
