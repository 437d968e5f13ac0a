namespace SeatGrpc.Testing;

/// <summary>
/// Probes for the Debian packages python3-grpcio and protobuf-compiler-grpc: a python3 that imports grpc,
/// protoc, and grpc_python_plugin. Prefers /usr/bin/python3 (the Debian one) over a python3 on PATH,
/// which may be a virtual environment without grpc.
/// </summary>
public sealed class PythonGrpcProbe : IToolProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Gets the python3 to use: /usr/bin/python3 if present, else the first on PATH.</summary>
    public static string? Python => ToolRunner.Find("/usr/bin/python3") ?? ToolRunner.Find("python3");

    /// <summary>Gets protoc.</summary>
    public static string? Protoc => ToolRunner.Find("protoc");

    /// <summary>Gets the Python gRPC plugin for protoc.</summary>
    public static string? GrpcPythonPlugin => ToolRunner.Find("grpc_python_plugin");

    /// <summary>Gets python3 for a test about to run it; fails the test with the install hint where it is unusable.</summary>
    public static string RequiredPython => RequiresToolFactAttribute.Require(typeof(PythonGrpcProbe), Python);

    /// <summary>Gets protoc for a test about to run it; fails the test with the install hint where it is missing.</summary>
    public static string RequiredProtoc => RequiresToolFactAttribute.Require(typeof(PythonGrpcProbe), Protoc);

    /// <inheritdoc />
    public string? FindMissing()
    {
        if (Python is not { } python)
        {
            return "python3 is not installed (Debian package python3-grpcio).";
        }

        var (exitCode, output) = ToolRunner.Run(python, ["-c", "import grpc, google.protobuf"], ProbeTimeout);
        if (exitCode != 0)
        {
            return $"{python} cannot import grpc (Debian package python3-grpcio): {output.Trim()}";
        }

        if (Protoc is null)
        {
            return "protoc is not installed (Debian package protobuf-compiler).";
        }

        return GrpcPythonPlugin is null ? "grpc_python_plugin is not installed (Debian package protobuf-compiler-grpc)." : null;
    }
}
