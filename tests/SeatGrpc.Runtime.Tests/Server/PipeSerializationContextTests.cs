using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using SeatGrpc.Runtime.Server.Internal;

namespace SeatGrpc.Runtime.Tests.Server;

/// <summary>The response framing of announced-size messages: one buffer for small ones, streamed for the rest.</summary>
public sealed class PipeSerializationContextTests
{
    [Fact]
    public async Task SmallAnnouncedMessage_IsFramedInOneBuffer()
    {
        // Arrange
        var pipe = new Pipe();
        var context = Started(pipe);

        // Act
        context.SetPayloadLength(3);
        var writer = context.GetBufferWriter();
        "abc"u8.CopyTo(writer.GetSpan());
        writer.Advance(3);
        context.Complete();
        context.Finish();

        // Assert
        Assert.Equal([0, 0, 0, 0, 3, (byte)'a', (byte)'b', (byte)'c'], await WrittenAsync(pipe));
    }

    [Fact]
    public async Task MarshallerAskingForMoreRoom_StillFramesItsPayload()
    {
        // Arrange
        var pipe = new Pipe();
        var context = Started(pipe);

        // Act: one byte into the reserved buffer, then a request for more room than the announced length leaves.
        context.SetPayloadLength(3);
        var writer = context.GetBufferWriter();
        writer.GetSpan()[0] = (byte)'a';
        writer.Advance(1);
        "bc"u8.CopyTo(writer.GetSpan(100));
        writer.Advance(2);
        context.Complete();
        context.Finish();

        // Assert
        Assert.Equal([0, 0, 0, 0, 3, (byte)'a', (byte)'b', (byte)'c'], await WrittenAsync(pipe));
    }

    [Fact]
    public void FewerBytesThanAnnounced_Throws()
    {
        var context = Started(new Pipe());
        context.SetPayloadLength(3);
        var writer = context.GetBufferWriter();
        writer.GetSpan()[0] = 1;
        writer.Advance(1);

        Assert.Throws<InvalidOperationException>(context.Complete);
    }

    [Fact]
    public void MoreBytesThanAnnounced_Throws()
    {
        var context = Started(new Pipe());
        context.SetPayloadLength(1);
        var writer = context.GetBufferWriter();
        writer.GetSpan();

        Assert.Throws<InvalidOperationException>(() => writer.Advance(2));
    }

    [Fact]
    public async Task LargeAnnouncedMessage_IsStreamedIntoThePipe()
    {
        // Arrange
        var pipe = new Pipe();
        var context = Started(pipe);
        var payload = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();

        // Act
        context.SetPayloadLength(payload.Length);
        context.GetBufferWriter().Write(payload);
        context.Complete();
        context.Finish();

        // Assert
        var written = await WrittenAsync(pipe);
        Assert.Equal([0, 0, 0, 0x27, 0x10], written[..5]);
        Assert.Equal(payload, written[5..]);
    }

    private static PipeSerializationContext Started(Pipe pipe)
    {
        var context = new PipeSerializationContext();
        context.Start(pipe.Writer, encoding: null, maxLength: null, CompressionLevel.Fastest);
        return context;
    }

    private static async Task<byte[]> WrittenAsync(Pipe pipe)
    {
        await pipe.Writer.CompleteAsync();
        var result = await pipe.Reader.ReadAsync();
        var bytes = result.Buffer.ToArray();
        pipe.Reader.AdvanceTo(result.Buffer.End);
        return bytes;
    }
}
