using System.Diagnostics;

namespace SeatGrpc.Testing;

/// <summary>Runs a short-lived tool and captures its output, with a timeout; for probes and code generation.</summary>
public static class ToolRunner
{
    /// <summary>Runs a command to its end.</summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="timeout">How long it may run before it is killed.</param>
    /// <returns>The exit code (-1 if it could not start or timed out) and the combined output.</returns>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"{fileName} could not be started: {ex.Message}");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{fileName} did not finish within {timeout.TotalSeconds} s.");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    /// <summary>Finds an executable: an absolute path that exists, or the first match on PATH.</summary>
    /// <param name="name">The name or absolute path.</param>
    /// <returns>The full path, or null.</returns>
    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, name);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
