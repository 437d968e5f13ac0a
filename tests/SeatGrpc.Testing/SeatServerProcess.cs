using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SeatGrpc.Testing;

/// <summary>
/// The real server as a child process (<c>dotnet SeatGrpc.Server.dll</c>), for tests that kill it, stop it with
/// SIGTERM or read its output: the bound ports come from its "seatgrpc listening grpc=... rest=..." log line, and
/// every line it writes (stdout and stderr) is kept in <see cref="Output"/>. Disposing kills it if it still runs. Unless
/// the caller's environment sets SEATGRPC_BOOTSTRAP_KEY (empty for none), the server gets <see cref="TestKeys.Admin"/>.
/// </summary>
public sealed partial class SeatServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private SeatServerProcess(Process process, ConcurrentQueue<string> output, Uri grpcUri, Uri restUri)
    {
        _process = process;
        _output = output;
        GrpcUri = grpcUri;
        RestUri = restUri;
    }

    public Uri GrpcUri { get; }

    public Uri RestUri { get; }

    /// <summary>Gets the process id.</summary>
    public int Id => _process.Id;

    /// <summary>Gets every line written so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts the server on <paramref name="databasePath"/> with both ports 0 and waits for its listening line.</summary>
    public static Task<SeatServerProcess> StartAsync(string databasePath) =>
        StartAsync(["--grpc-port", "0", "--rest-port", "0", "--sqlite", databasePath]);

    /// <summary>Starts the server with <paramref name="arguments"/> (and extra environment variables) and waits for its listening line.</summary>
    public static async Task<SeatServerProcess> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<(Uri, Uri)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Launch(arguments, environment, output, line =>
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException("The server exited before listening:\n" + string.Join('\n', output)));
            }
            else if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult((new Uri(match.Groups[1].Value), new Uri(match.Groups[2].Value)));
            }
        });
        try
        {
            var (grpc, rest) = await listening.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return new SeatServerProcess(process, output, grpc, rest);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Runs the server with <paramref name="arguments"/> until it exits by itself (killed past <paramref name="timeout"/>).</summary>
    /// <returns>The exit code and every line written.</returns>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new ConcurrentQueue<string>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = Launch(arguments, environment, output, line =>
        {
            if (line is null)
            {
                closed.TrySetResult();
            }
        });
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            await closed.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The server did not exit within {timeout.TotalSeconds} s:\n" + string.Join('\n', output));
        }

        return (process.ExitCode, string.Join('\n', output));
    }

    /// <summary>
    /// Runs the server's binary as a command (e.g. <c>keys create ...</c>) to its end (killed past <paramref name="timeout"/>),
    /// keeping stdout and stderr apart, for commands whose stdout a script reads.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunCommandAsync(
        IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SeatGrpc.Server.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            return (process.ExitCode, await stdout.WaitAsync(timeout).ConfigureAwait(false), await stderr.WaitAsync(timeout).ConfigureAwait(false));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"seatgrpc {string.Join(' ', arguments)} did not exit within {timeout.TotalSeconds} s.");
        }
    }

    /// <summary>Waits until a line written by the server matches <paramref name="predicate"/>, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_output.FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching line within {timeout.TotalSeconds} s:\n" + string.Join('\n', _output));
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Sends SIGTERM, as a service manager stopping the server does.</summary>
    public void Terminate()
    {
        var (exitCode, output) = ToolRunner.Run("/bin/kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {Id} failed: {output}");
        }
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code; a <see cref="TimeoutException"/> past <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        return _process.ExitCode;
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

    private static Process Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, ConcurrentQueue<string> output, Action<string?> onStdout)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "SeatGrpc.Server.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(serverDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment[TestKeys.BootstrapVariable] = TestKeys.Admin;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }

            onStdout(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [GeneratedRegex(@"seatgrpc listening grpc=(\S+) rest=(\S+)")]
    private static partial Regex ListeningLine();
}
