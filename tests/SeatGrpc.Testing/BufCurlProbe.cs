namespace SeatGrpc.Testing;

/// <summary>Probes for <c>buf</c> (npm @bufbuild/buf), whose <c>buf curl</c> is an independent gRPC and reflection client.</summary>
public sealed class BufCurlProbe : IToolProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Gets buf: the first on PATH, else /usr/bin/buf.</summary>
    public static string? Buf => ToolRunner.Find("buf") ?? ToolRunner.Find("/usr/bin/buf");

    /// <summary>Gets buf for a test about to run it; fails the test with the install hint where it is missing.</summary>
    public static string RequiredBuf => RequiresToolFactAttribute.Require(typeof(BufCurlProbe), Buf);

    /// <inheritdoc />
    public string? FindMissing()
    {
        if (Buf is not { } buf)
        {
            return "buf is not installed (npm install -g @bufbuild/buf).";
        }

        var (exitCode, output) = ToolRunner.Run(buf, ["curl", "--help"], ProbeTimeout);
        return exitCode == 0 ? null : $"{buf} curl does not run: {output.Trim()}";
    }
}
