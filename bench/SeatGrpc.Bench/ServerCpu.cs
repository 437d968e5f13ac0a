using System.Globalization;

namespace SeatGrpc.Bench;

/// <summary>
/// The server process's CPU time (user + system) from /proc/PID/stat, when <c>--server-pid</c> names it. Dividing the
/// CPU spent in the measured window by the calls made gives a cost per call that other load on the machine barely moves,
/// unlike a rate.
/// </summary>
internal sealed class ServerCpu
{
    // USER_HZ: the unit of utime and stime in /proc, 100 on every Linux ABI .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly int _pid;
    private double _start;

    private ServerCpu(int pid)
    {
        _pid = pid;
    }

    public static ServerCpu? From(BenchArgs args)
    {
        var pid = args.Int("server-pid", 0);
        if (pid == 0)
        {
            return null;
        }

        if (!File.Exists($"/proc/{pid}/stat"))
        {
            throw new BenchUsageException($"--server-pid {pid}: no such process (/proc/{pid}/stat is missing).");
        }

        return new ServerCpu(pid);
    }

    public void Start() => _start = Seconds();

    /// <summary>Server CPU microseconds per unit of work since <see cref="Start"/>.</summary>
    public double MicrosPer(long units) => units == 0 ? 0 : (Seconds() - _start) * 1_000_000 / units;

    private double Seconds()
    {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var stat = File.ReadAllText($"/proc/{_pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
