using System.Buffers.Binary;
using Google.Protobuf;

namespace SeatGrpc.Bench;

/// <summary>Writes a request body for h2load's <c>-d</c>: one gRPC frame (uncompressed flag, 4-byte big-endian length, message).</summary>
internal static class H2LoadFiles
{
    public static void Write(string path, IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, frame);
    }
}
