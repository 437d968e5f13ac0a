using System.Diagnostics;
using System.Globalization;
using System.Text;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>
/// The independent gRPC server: tests/conformance/python/echo_server.py on python3-grpcio, with stubs
/// generated from Protos/echo.proto into a temporary directory. Listens on a free loopback port.
/// </summary>
internal sealed class PythonEchoServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _stubsDirectory;
    private readonly StringBuilder _stderr;

    private PythonEchoServer(Process process, string stubsDirectory, StringBuilder stderr, Uri address)
    {
        _process = process;
        _stubsDirectory = stubsDirectory;
        _stderr = stderr;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the server: h2c, or TLS with the given PEM files (then the address is https://localhost).</summary>
    public static async Task<PythonEchoServer> StartAsync(string? tlsCertificatePath = null, string? tlsKeyPath = null)
    {
        var root = FindRepositoryRoot();
        var protoDirectory = Path.Combine(root, "tests", "SeatGrpc.Runtime.Tests", "Protos");
        var script = Path.Combine(root, "tests", "conformance", "python", "echo_server.py");
        var stubs = Directory.CreateTempSubdirectory("seatgrpc-python-stubs-").FullName;

        var (exitCode, output) = ToolRunner.Run(
            PythonGrpcProbe.Protoc!,
            [$"-I{protoDirectory}", $"--python_out={stubs}", $"--grpc_python_out={stubs}", $"--plugin=protoc-gen-grpc_python={PythonGrpcProbe.GrpcPythonPlugin}", "echo.proto"],
            StartTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"protoc failed to generate the Python stubs: {output}");
        }

        var startInfo = new ProcessStartInfo(PythonGrpcProbe.Python!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-u");
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add("--stubs");
        startInfo.ArgumentList.Add(stubs);
        if (tlsCertificatePath is not null && tlsKeyPath is not null)
        {
            startInfo.ArgumentList.Add("--tls-cert");
            startInfo.ArgumentList.Add(tlsCertificatePath);
            startInfo.ArgumentList.Add("--tls-key");
            startInfo.ArgumentList.Add(tlsKeyPath);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("python3 did not start.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
            if (line is null || !line.StartsWith("READY ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The Python echo server did not report ready (got '{line}'). stderr: {stderr}");
            }

            var port = int.Parse(line.AsSpan(6), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            var address = tlsCertificatePath is null ? new Uri($"http://127.0.0.1:{port}") : new Uri($"https://localhost:{port}");
            return new PythonEchoServer(process, stubs, stderr, address);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing stdin asks the server to stop; kill it if it does not.
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_stubsDirectory, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SeatGrpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SeatGrpc.sln not found above the test output directory.");
    }
}
