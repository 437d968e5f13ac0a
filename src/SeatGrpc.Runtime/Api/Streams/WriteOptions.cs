namespace Grpc.Core;

/// <summary>Options for writing messages.</summary>
public sealed class WriteOptions
{
    /// <summary>The options with no flags.</summary>
    public static readonly WriteOptions Default = new();

    /// <summary>Initializes a new instance of the <see cref="WriteOptions"/> class.</summary>
    /// <param name="flags">The write flags.</param>
    public WriteOptions(WriteFlags flags = default)
    {
        Flags = flags;
    }

    /// <summary>Gets the write flags.</summary>
    public WriteFlags Flags { get; }
}
