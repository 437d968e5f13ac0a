using System.Net;
using System.Net.Sockets;

namespace SeatGrpc.Client.Tests.Infrastructure;

/// <summary>
/// The built server as a child process on one fixed gRPC port and its own SQLite file, so that it can be killed or
/// stopped and started again where its clients expect it, as a service manager restarting it would.
/// </summary>
internal sealed class RestartableServer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "seatgrpc-client-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort();
    private readonly IReadOnlyDictionary<string, string>? _environment;
    private SeatServerProcess? _process;

    private RestartableServer(IReadOnlyDictionary<string, string>? environment)
    {
        Directory.CreateDirectory(_directory);
        _environment = environment;
    }

    public Uri Address => new($"http://127.0.0.1:{_port}");

    /// <summary>Every line the current process has written.</summary>
    public IReadOnlyList<string> Output => Process.Output;

    private SeatServerProcess Process => _process ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>Waits (bounded) for a line of the current process that matches <paramref name="predicate"/>.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> predicate) => Process.WaitForLineAsync(predicate, TaskTimeoutExtensions.DefaultTimeout);

    public static async Task<RestartableServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = new RestartableServer(environment);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>SIGKILL: no drain, no flush; calls in flight lose their answers. Then a new process on the same port and file.</summary>
    public async Task KillAndRestartAsync()
    {
        await Process.KillAsync();
        await RestartAsync();
    }

    /// <summary>SIGTERM: in-flight calls finish, streams end, the process exits. Then a new process on the same port and file.</summary>
    public async Task StopAndRestartAsync()
    {
        Process.Terminate();
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await RestartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open in a killed child; the OS cleans the temporary folder.
        }
    }

    private async Task RestartAsync()
    {
        await Process.DisposeAsync();
        _process = null;
        await StartProcessAsync();
    }

    private async Task StartProcessAsync()
    {
        var arguments = new[] { "--grpc-port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rest-port", "0", "--sqlite", Path.Combine(_directory, "seats.db") };
        _process = await SeatServerProcess.StartAsync(arguments, _environment);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
