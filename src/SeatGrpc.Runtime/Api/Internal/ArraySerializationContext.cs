using System.Buffers;

namespace Grpc.Core.Internal;

/// <summary>
/// Collects one message into an array, so a contextual serializer can serve as an array-based one.
/// Single use: one message per instance.
/// </summary>
internal sealed class ArraySerializationContext : SerializationContext
{
    private ArrayBufferWriter<byte>? _writer;
    private byte[]? _payload;

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        EnsureNotCompleted();
        _payload = payload;
    }

    public override IBufferWriter<byte> GetBufferWriter()
    {
        EnsureNotCompleted();
        return _writer ??= new ArrayBufferWriter<byte>();
    }

    public override void SetPayloadLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        _writer ??= new ArrayBufferWriter<byte>(Math.Max(payloadLength, 1));
    }

    public override void Complete()
    {
        EnsureNotCompleted();
        _payload = _writer is null ? [] : _writer.WrittenSpan.ToArray();
    }

    /// <summary>Gets the completed payload.</summary>
    /// <returns>The serialized message.</returns>
    public byte[] GetPayload() =>
        _payload ?? throw new InvalidOperationException("The serializer did not complete the serialization context.");

    private void EnsureNotCompleted()
    {
        if (_payload is not null)
        {
            throw new InvalidOperationException("The serialization context has already been completed.");
        }
    }
}
