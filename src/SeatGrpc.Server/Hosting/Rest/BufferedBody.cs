using System.Buffers;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>
/// A request body read whole into a pooled buffer, so that it can be checked and then handed to JSON transcoding;
/// reading stops one byte past the limit, and a Content-Length over it is refused before reading.
/// </summary>
internal sealed class BufferedBody : IDisposable
{
    // A chunked body's first buffer; it doubles as the body grows, up to the limit.
    private const int ChunkedStartSize = 16 * 1024;

    private byte[]? _buffer;

    private BufferedBody(byte[]? buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Gets a value indicating whether the body is over the limit (then nothing is buffered).</summary>
    public bool TooLarge => _buffer is null;

    /// <summary>Gets the buffer; the body is its first <see cref="Length"/> bytes.</summary>
    public byte[] Bytes => _buffer ?? throw new InvalidOperationException("The body was over the limit and not kept.");

    /// <summary>Gets the body's length in bytes.</summary>
    public int Length { get; }

    public static async Task<BufferedBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return new BufferedBody(null, 0);
        }

        // One byte of room past the body (or the limit) so that the read that finds the end needs no bigger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? ChunkedStartSize, limit) + 1);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return new BufferedBody(null, 0);
                }

                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, Math.Min(buffer.Length * 2L, limit + 1L));
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new BufferedBody(buffer, length);
    }

    /// <summary>A read-only stream over the body, for JSON transcoding to read in place of the request's.</summary>
    public Stream AsStream() => new MemoryStream(Bytes, 0, Length, writable: false);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, long size)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)size);
        buffer.CopyTo(bigger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
