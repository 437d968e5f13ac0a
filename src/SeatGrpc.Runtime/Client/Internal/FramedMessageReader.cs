using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// Reads length-prefixed messages from a response body through a <see cref="PipeReader"/>, so an
/// uncompressed message is deserialized straight from the read buffers without a copy. One read at a time.
/// </summary>
internal sealed class FramedMessageReader : IAsyncDisposable
{
    private readonly PipeReader _reader;
    private readonly int _maxReceiveMessageSize;
    private readonly string? _encoding;
    private readonly PayloadDeserializationContext _context = new();

    public FramedMessageReader(Stream body, int maxReceiveMessageSize, string? encoding)
    {
        _reader = PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));
        _maxReceiveMessageSize = maxReceiveMessageSize;
        _encoding = encoding;
    }

    /// <summary>Reads the next message, or returns null at the end of the body.</summary>
    /// <exception cref="RpcException">The body breaks the framing rules or the limit.</exception>
    public async ValueTask<T?> ReadAsync<T>(Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadFrame(buffer, out var compressed, out var payload))
            {
                try
                {
                    return Deserialize(deserializer, compressed, payload);
                }
                finally
                {
                    _reader.AdvanceTo(payload.End);
                }
            }

            if (result.IsCompleted)
            {
                if (buffer.Length == 0)
                {
                    _reader.AdvanceTo(buffer.End);
                    return null;
                }

                throw new RpcException(ClientStatuses.IncompleteMessage);
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public ValueTask DisposeAsync() => _reader.CompleteAsync();

    private bool TryReadFrame(ReadOnlySequence<byte> buffer, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)_maxReceiveMessageSize)
        {
            // Checked before buffering: an oversized message is never held in memory.
            throw new RpcException(ClientStatuses.ReceiveTooLarge);
        }

        if (buffer.Length - GrpcProtocol.HeaderSize < length)
        {
            return false;
        }

        compressed = header[0] == 1;
        payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        return true;
    }

    private T Deserialize<T>(Func<DeserializationContext, T> deserializer, bool compressed, ReadOnlySequence<byte> payload)
    {
        if (compressed)
        {
            payload = new ReadOnlySequence<byte>(Decompress(payload));
        }

        _context.SetPayload(payload);
        try
        {
            return deserializer(_context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(ClientStatuses.DeserializeFailed(ex));
        }
        finally
        {
            _context.Clear();
        }
    }

    private byte[] Decompress(ReadOnlySequence<byte> payload)
    {
        if (_encoding is null || string.Equals(_encoding, GrpcProtocol.IdentityEncoding, StringComparison.Ordinal))
        {
            throw new RpcException(ClientStatuses.MissingEncoding);
        }

        if (!string.Equals(_encoding, GrpcProtocol.GzipEncoding, StringComparison.Ordinal))
        {
            throw new RpcException(ClientStatuses.UnsupportedEncoding(_encoding));
        }

        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > _maxReceiveMessageSize)
                {
                    throw new RpcException(ClientStatuses.ReceiveTooLarge);
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(ClientStatuses.DeserializeFailed(ex));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }
}
