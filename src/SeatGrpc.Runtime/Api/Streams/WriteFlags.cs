using System.Diagnostics.CodeAnalysis;

namespace Grpc.Core;

/// <summary>Hints for writing one message.</summary>
[Flags]
[SuppressMessage("Naming", "CA1711", Justification = "The official type name.")]
public enum WriteFlags
{
    /// <summary>The write may be buffered rather than sent at once.</summary>
    BufferHint = 0x1,

    /// <summary>The message must not be compressed.</summary>
    NoCompress = 0x2,
}
