using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SeatGrpc.Testing;

/// <summary>
/// The real server as a child process (<c>dotnet SeatGrpc.Server.dll</c>, port 0 for both endpoints), for tests that
/// kill it: the bound ports come from its "seatgrpc listening grpc=... rest=..." log line.
/// </summary>
public sealed partial class SeatServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private SeatServerProcess(Process process, Uri grpcUri, Uri restUri)
    {
        _process = process;
        GrpcUri = grpcUri;
        RestUri = restUri;
    }

    public Uri GrpcUri { get; }

    public Uri RestUri { get; }

    /// <summary>Starts the server on <paramref name="databasePath"/> and waits for its listening line.</summary>
    public static async Task<SeatServerProcess> StartAsync(string databasePath)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "SeatGrpc.Server.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { serverDll, "--grpc-port", "0", "--rest-port", "0", "--sqlite", databasePath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var listening = new TaskCompletionSource<(Uri, Uri)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The server exited before listening:\n" + string.Join('\n', output)));
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult((new Uri(match.Groups[1].Value), new Uri(match.Groups[2].Value)));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var (grpc, rest) = await listening.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return new SeatServerProcess(process, grpc, rest);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Unix): no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(StartTimeout).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    [GeneratedRegex(@"seatgrpc listening grpc=(\S+) rest=(\S+)")]
    private static partial Regex ListeningLine();
}
