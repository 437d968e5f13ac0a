using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// Serializes request messages into one pooled buffer with room for the 5-byte length prefix, so each
/// message reaches the stream in a single write. Reused for every message of one call; not thread-safe
/// (a call allows one pending write).
/// </summary>
internal sealed class FramedMessageWriter : SerializationContext, IBufferWriter<byte>, IDisposable
{
    private const int MinimumBufferSize = 256;

    private readonly int? _maxSendMessageSize;
    private readonly bool _gzip;
    private byte[]? _buffer;
    private int _written;
    private bool _completed;

    public FramedMessageWriter(int? maxSendMessageSize, bool gzip)
    {
        _maxSendMessageSize = maxSendMessageSize;
        _gzip = gzip;
    }

    /// <summary>Serializes a message and returns it framed; valid until the next call or <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Frame<T>(Action<T, SerializationContext> serializer, T message, bool noCompress)
    {
        _written = GrpcProtocol.HeaderSize;
        _completed = false;
        EnsureCapacity(0);
        try
        {
            serializer(message, this);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(ClientStatuses.SerializeFailed(ex));
        }

        if (!_completed)
        {
            throw new RpcException(ClientStatuses.SerializeFailed(new InvalidOperationException("The serializer did not complete the serialization context.")));
        }

        var compress = _gzip && !noCompress;
        if (compress)
        {
            Compress();
        }

        var payloadLength = _written - GrpcProtocol.HeaderSize;
        if (payloadLength > _maxSendMessageSize)
        {
            throw new RpcException(ClientStatuses.SendTooLarge);
        }

        _buffer![0] = compress ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(1, 4), (uint)payloadLength);
        return _buffer.AsMemory(0, _written);
    }

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        EnsureCapacity(payload.Length);
        payload.CopyTo(_buffer.AsSpan(_written));
        _written += payload.Length;
        _completed = true;
    }

    public override void Complete() => _completed = true;

    public override IBufferWriter<byte> GetBufferWriter() => this;

    public override void SetPayloadLength(int payloadLength) => EnsureCapacity(payloadLength);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    private void EnsureCapacity(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (_buffer is not null && _buffer.Length >= needed)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumBufferSize, (_buffer?.Length ?? 0) * 2)));
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _written).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }

    private void Compress()
    {
        // The compressed path is the rare one: a MemoryStream is simple and good enough.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(_buffer!, GrpcProtocol.HeaderSize, _written - GrpcProtocol.HeaderSize);
        }

        _written = GrpcProtocol.HeaderSize;
        EnsureCapacity((int)compressed.Length);
        compressed.GetBuffer().AsSpan(0, (int)compressed.Length).CopyTo(_buffer.AsSpan(_written));
        _written += (int)compressed.Length;
    }
}
