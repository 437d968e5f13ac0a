using System.Diagnostics;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// What a server was doing when the checker could not read from it: whether the same read succeeds again at once, the
/// managed stacks of its threads (where <c>dotnet-stack</c> is installed: <c>dotnet tool install -g dotnet-stack</c>),
/// and its last output lines. A hang under load seldom replays from its seed, so the first sighting must say enough.
/// </summary>
internal static class HangReport
{
    private const int OutputLines = 40;
    private static readonly TimeSpan StackTimeout = TimeSpan.FromSeconds(60);

    /// <param name="retry">The same read again; its outcome (or its exception) goes into the report.</param>
    public static async Task<string> CaptureAsync(ServerEndpoint endpoint, Func<Task<string>> retry)
    {
        // The stacks first: the retry could end what the stuck call was waiting for.
        var stacks = await StacksAsync(endpoint.Process.Id).ConfigureAwait(false);
        string again;
        var clock = Stopwatch.StartNew();
        try
        {
            again = await retry().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            again = ex.Message;
        }

        var output = endpoint.Process.Output;
        return string.Join('\n',
        [
            string.Empty,
            $"the same read again, at once: {again} ({clock.ElapsedMilliseconds} ms)",
            $"the server's managed stacks (pid {endpoint.Process.Id}, generation {endpoint.Generation}):",
            stacks,
            $"its last {OutputLines} output lines:",
            .. output.Skip(Math.Max(0, output.Count - OutputLines)),
        ]);
    }

    private static async Task<string> StacksAsync(int processId)
    {
        var tool = FindTool("dotnet-stack");
        if (tool is null)
        {
            return "  (dotnet-stack is not installed; `dotnet tool install -g dotnet-stack` adds the stacks to this report)";
        }

        using var process = Process.Start(new ProcessStartInfo(tool, ["report", "--process-id", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(StackTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            return $"  (dotnet-stack did not answer within {StackTimeout.TotalSeconds} s)";
        }
    }

    private static string? FindTool(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home)
        {
            folders.Add(Path.Combine(home, ".dotnet", "tools"));
        }

        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }
}
