using System.Globalization;
using SeatGrpc.Chaos.Tests.Soak;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// The console entry point, for runs outside the test runner: <c>dotnet SeatGrpc.Chaos.Tests.dll soak [--minutes 10]
/// [--seconds N] [--rate 200] [--clients 16] [--seed 1] [--progress 30]</c> (bench/soak.sh). Exits 1 when the soak saw an
/// unexpected error, 2 on a usage error.
/// </summary>
public static class Program
{
    private const string Usage = "usage: dotnet SeatGrpc.Chaos.Tests.dll soak [--minutes 10] [--seconds N] [--rate 200] [--clients 16] [--seed 1] [--progress 30]";

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != "soak" || args.Length % 2 == 0)
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var options = new SoakOptions();
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                await Console.Error.WriteLineAsync($"{args[i]} needs a positive number, not '{args[i + 1]}'. {Usage}").ConfigureAwait(false);
                return 2;
            }

            options = args[i] switch
            {
                "--minutes" => options with { Duration = TimeSpan.FromMinutes(value) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(value) },
                "--rate" => options with { Rate = value },
                "--clients" => options with { Clients = (int)value },
                "--seed" => options with { Seed = (int)value },
                "--progress" => options with { ProgressInterval = TimeSpan.FromSeconds(value) },
                _ => null!,
            };
            if (options is null)
            {
                await Console.Error.WriteLineAsync($"unknown option {args[i]}. {Usage}").ConfigureAwait(false);
                return 2;
            }
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var report = await SoakRunner.RunAsync(options, Console.WriteLine, stop.Token).ConfigureAwait(false);
        Console.WriteLine();
        Console.Write(SoakSummary.Format(report));
        foreach (var line in report.Recorder.Errors.Concat(report.ServerErrors))
        {
            Console.WriteLine("  " + line);
        }

        return report.Recorder.ErrorCount == 0 && report.ServerErrors.Count == 0 ? 0 : 1;
    }
}
