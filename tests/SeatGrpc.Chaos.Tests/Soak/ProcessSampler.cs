using System.Globalization;

namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>Reads a Linux process's /proc/PID/status, /proc/PID/stat and /proc/PID/fd.</summary>
internal static class ProcessSampler
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat on Linux.
    private const double ClockTicksPerSecond = 100;

    public static ProcessSample Read(int pid, TimeSpan at)
    {
        double rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(Value(line), CultureInfo.InvariantCulture) / 1024.0;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(Value(line), CultureInfo.InvariantCulture);
            }
        }

        var files = Directory.GetFiles($"/proc/{pid}/fd").Length;

        // The fields after the command name (which may hold spaces), from ")": state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        return new ProcessSample(at, rss, threads, files, cpu);
    }

    /// <summary>The value of a "Name:\t  value unit" line.</summary>
    private static string Value(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1];
}
