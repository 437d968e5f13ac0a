using System.Buffers;
using System.IO.Compression;
using Grpc.Core;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>The message encodings the server supports: gzip and deflate (zlib), per grpc's compression document.</summary>
internal static class MessageCompression
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Tells whether an encoding name is one this server can read and write.</summary>
    /// <param name="encoding">The encoding name.</param>
    /// <returns>True for gzip and deflate.</returns>
    public static bool IsSupported(string encoding) =>
        encoding is GrpcProtocol.GzipEncoding or GrpcProtocol.DeflateEncoding;

    /// <summary>Decompresses a payload, failing once it grows past the receive limit.</summary>
    /// <param name="encoding">gzip or deflate.</param>
    /// <param name="payload">The compressed payload.</param>
    /// <param name="maxLength">The receive limit, or null for none.</param>
    /// <returns>The decompressed payload.</returns>
    public static byte[] Decompress(string encoding, in ReadOnlySequence<byte> payload, int? maxLength)
    {
        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var stream = CreateStream(encoding, input, CompressionMode.Decompress, CompressionLevel.Fastest);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (maxLength is { } max && output.Length + read > max)
                {
                    throw ProtocolErrors.MessageTooLarge.ToException();
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(ProtocolErrors.InvalidCompressedData.StatusCode, ProtocolErrors.InvalidCompressedData.Detail, ex));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }

    /// <summary>Compresses a payload.</summary>
    /// <param name="encoding">gzip or deflate.</param>
    /// <param name="payload">The serialized message.</param>
    /// <param name="level">The compression level.</param>
    /// <returns>The compressed payload.</returns>
    public static byte[] Compress(string encoding, ReadOnlySpan<byte> payload, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var stream = CreateStream(encoding, output, CompressionMode.Compress, level))
        {
            stream.Write(payload);
        }

        return output.ToArray();
    }

    private static Stream CreateStream(string encoding, Stream inner, CompressionMode mode, CompressionLevel level) =>
        (encoding, mode) switch
        {
            (GrpcProtocol.GzipEncoding, CompressionMode.Decompress) => new GZipStream(inner, mode, leaveOpen: true),
            (GrpcProtocol.GzipEncoding, _) => new GZipStream(inner, level, leaveOpen: true),
            (GrpcProtocol.DeflateEncoding, CompressionMode.Decompress) => new ZLibStream(inner, mode, leaveOpen: true),
            (GrpcProtocol.DeflateEncoding, _) => new ZLibStream(inner, level, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unsupported encoding."),
        };
}
