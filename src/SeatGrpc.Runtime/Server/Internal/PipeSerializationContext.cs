using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>
/// Writes one response message, with its five-byte prefix, into the response pipe. When the marshaller
/// announces the size (protobuf's <c>IBufferMessage</c> path) and the message is not compressed, the payload
/// is serialized straight into the pipe; otherwise it is collected first. Reused for each message of a call.
/// </summary>
/// <remarks>
/// A small announced message takes one buffer from the pipe for its prefix and payload together, and commits it
/// once: each <c>GetMemory</c> and <c>Advance</c> on Kestrel's response pipe takes the stream's lock.
/// </remarks>
internal sealed class PipeSerializationContext : SerializationContext, IBufferWriter<byte>
{
    // What one block of Kestrel's memory pool holds, prefix included; larger messages stream into the pipe.
    private const int SingleBufferLimit = 4096;

    private PipeWriter? _writer;
    private string? _encoding;
    private int? _maxLength;
    private CompressionLevel _level;
    private State _state;
    private int _payloadLength;
    private long _unflushedAtStart;
    private ArrayBufferWriter<byte>? _buffer;
    private Memory<byte> _reserved;
    private int _reservedWritten;

    private enum State
    {
        Idle,
        Started,
        Reserved,
        Direct,
        Buffered,
    }

    /// <summary>Prepares the context for one message.</summary>
    /// <param name="writer">The response pipe.</param>
    /// <param name="encoding">The compression to apply, or null.</param>
    /// <param name="maxLength">The send limit, or null.</param>
    /// <param name="level">The compression level.</param>
    public void Start(PipeWriter writer, string? encoding, int? maxLength, CompressionLevel level)
    {
        _writer = writer;
        _encoding = encoding;
        _maxLength = maxLength;
        _level = level;
        _state = State.Started;
    }

    /// <summary>Checks that the marshaller completed the message, and resets the context for the next one.</summary>
    public void Finish()
    {
        var state = _state;
        _state = State.Idle;
        _writer = null;
        _reserved = default;
        if (state != State.Idle)
        {
            throw new InvalidOperationException("The serializer did not complete the serialization context.");
        }
    }

    public override void SetPayloadLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        if (_state != State.Started || _encoding is not null)
        {
            return;
        }

        CheckLength(payloadLength);
        var writer = _writer!;
        _payloadLength = payloadLength;
        if (payloadLength <= SingleBufferLimit - GrpcProtocol.HeaderSize)
        {
            var memory = writer.GetMemory(GrpcProtocol.HeaderSize + payloadLength);
            if (memory.Length >= GrpcProtocol.HeaderSize + payloadLength)
            {
                WriteHeader(memory.Span, compressed: false, payloadLength);
                _reserved = memory;
                _reservedWritten = 0;
                _state = State.Reserved;
                return;
            }
        }

        WriteHeader(writer, compressed: false, payloadLength);
        _unflushedAtStart = writer.CanGetUnflushedBytes ? writer.UnflushedBytes : -1;
        _state = State.Direct;
    }

    public override IBufferWriter<byte> GetBufferWriter()
    {
        switch (_state)
        {
            case State.Reserved:
                return this;
            case State.Direct:
                return _writer!;
            case State.Started:
            case State.Buffered:
                _state = State.Buffered;
                return _buffer ??= new ArrayBufferWriter<byte>();
            default:
                throw new InvalidOperationException("The serialization context is not in use.");
        }
    }

    public override void Complete()
    {
        switch (_state)
        {
            case State.Reserved:
                if (_reservedWritten != _payloadLength)
                {
                    throw WrongLength();
                }

                _writer!.Advance(GrpcProtocol.HeaderSize + _payloadLength);
                _reserved = default;
                break;
            case State.Direct:
                CheckDirectLength();
                break;
            case State.Buffered:
                WritePayload(_buffer!.WrittenSpan);
                _buffer.ResetWrittenCount();
                break;
            case State.Started:
                WritePayload([]);
                break;
            default:
                throw new InvalidOperationException("The serialization context is not in use.");
        }

        _state = State.Idle;
    }

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (_state != State.Started)
        {
            throw new InvalidOperationException("Complete(byte[]) cannot follow SetPayloadLength or GetBufferWriter.");
        }

        WritePayload(payload);
        _state = State.Idle;
    }

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        if (_state == State.Reserved)
        {
            var free = _payloadLength - _reservedWritten;
            if (free > 0 && free >= sizeHint)
            {
                return _reserved.Slice(GrpcProtocol.HeaderSize + _reservedWritten, free);
            }

            SpillReserved();
        }

        return DirectWriter.GetMemory(sizeHint);
    }

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => ((IBufferWriter<byte>)this).GetMemory(sizeHint).Span;

    void IBufferWriter<byte>.Advance(int count)
    {
        if (_state != State.Reserved)
        {
            DirectWriter.Advance(count);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _payloadLength - _reservedWritten)
        {
            throw WrongLength();
        }

        _reservedWritten += count;
    }

    private PipeWriter DirectWriter =>
        _state == State.Direct ? _writer! : throw new InvalidOperationException("The serialization context is not in use.");

    private static void WriteHeader(PipeWriter writer, bool compressed, int length)
    {
        WriteHeader(writer.GetSpan(GrpcProtocol.HeaderSize), compressed, length);
        writer.Advance(GrpcProtocol.HeaderSize);
    }

    private static void WriteHeader(Span<byte> header, bool compressed, int length)
    {
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
    }

    private static InvalidOperationException WrongLength() =>
        new("The serializer wrote a different number of bytes than it announced.");

    // A marshaller that asks for more room than the announced length leaves: commit the reserved part and write
    // the rest straight into the pipe, as for a large message.
    private void SpillReserved()
    {
        var writer = _writer!;
        writer.Advance(GrpcProtocol.HeaderSize + _reservedWritten);
        _unflushedAtStart = writer.CanGetUnflushedBytes ? writer.UnflushedBytes - _reservedWritten : -1;
        _reserved = default;
        _state = State.Direct;
    }

    private void WritePayload(ReadOnlySpan<byte> payload)
    {
        CheckLength(payload.Length);
        var writer = _writer!;
        if (_encoding is null)
        {
            WriteHeader(writer, compressed: false, payload.Length);
            writer.Write(payload);
            return;
        }

        var compressed = MessageCompression.Compress(_encoding, payload, _level);
        WriteHeader(writer, compressed: true, compressed.Length);
        writer.Write(compressed);
    }

    private void CheckLength(int length)
    {
        if (_maxLength is { } max && length > max)
        {
            throw ProtocolErrors.SendMessageTooLarge.ToException();
        }
    }

    private void CheckDirectLength()
    {
        // A marshaller that announced one length and wrote another would corrupt the stream's framing.
        var writer = _writer!;
        if (_unflushedAtStart >= 0 && writer.UnflushedBytes - _unflushedAtStart != _payloadLength)
        {
            throw WrongLength();
        }
    }
}
