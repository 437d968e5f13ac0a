namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>Probes for curl (Debian package curl) and bash, which runs the README's command lines as written.</summary>
public sealed class CurlProbe : IToolProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public string? FindMissing()
    {
        if (ToolRunner.Find("bash") is null)
        {
            return "bash is not installed.";
        }

        if (ToolRunner.Find("curl") is not { } curl)
        {
            return "curl is not installed (Debian package curl).";
        }

        var (exitCode, output) = ToolRunner.Run(curl, ["--version"], ProbeTimeout);
        return exitCode == 0 ? null : $"{curl} --version failed: {output.Trim()}";
    }
}
