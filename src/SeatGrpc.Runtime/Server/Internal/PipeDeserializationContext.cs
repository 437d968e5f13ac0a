using System.Buffers;
using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>Presents one received payload, still in the request pipe's buffers, to a marshaller. Reused per call.</summary>
internal sealed class PipeDeserializationContext : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    public void SetPayload(in ReadOnlySequence<byte> payload) => _payload = payload;

    // The pipe reuses its buffers once the reader advances, so the payload must not outlive one deserialization.
    public void Clear() => _payload = default;

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
