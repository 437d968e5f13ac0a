using System.Globalization;

namespace SeatGrpc.Bench;

/// <summary>
/// A process's CPU time (user + system) from /proc/PID/stat, when <c>--server-pid</c> names it (or <c>--db-pid</c>, a
/// PostgreSQL postmaster: then its whole tree, the live backends' time plus what the reaped ones left in the
/// postmaster's cutime and cstime). Dividing the CPU spent in the measured window by the calls made gives a cost per call
/// that other load on the machine barely moves, unlike a rate.
/// </summary>
internal sealed class ServerCpu
{
    // USER_HZ: the unit of utime and stime in /proc, 100 on every Linux ABI .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly int _pid;
    private readonly bool _tree;
    private double _start;

    private ServerCpu(int pid, bool tree)
    {
        _pid = pid;
        _tree = tree;
    }

    public static ServerCpu? From(BenchArgs args) => Of(args, "server-pid", tree: false);

    /// <summary>The database server's tree of processes, when <c>--db-pid</c> names its postmaster.</summary>
    public static ServerCpu? DatabaseFrom(BenchArgs args) => Of(args, "db-pid", tree: true);

    public void Start() => _start = Seconds();

    /// <summary>CPU microseconds per unit of work since <see cref="Start"/>.</summary>
    public double MicrosPer(long units) => units == 0 ? 0 : (Seconds() - _start) * 1_000_000 / units;

    private static ServerCpu? Of(BenchArgs args, string flag, bool tree)
    {
        var pid = args.Int(flag, 0);
        if (pid == 0)
        {
            return null;
        }

        if (!File.Exists($"/proc/{pid}/stat"))
        {
            throw new BenchUsageException($"--{flag} {pid}: no such process (/proc/{pid}/stat is missing).");
        }

        return new ServerCpu(pid, tree);
    }

    private double Seconds()
    {
        var own = Fields(_pid)!;
        var ticks = Ticks(own, 11) + Ticks(own, 12);
        if (_tree)
        {
            ticks += Ticks(own, 13) + Ticks(own, 14);
            var parent = _pid.ToString(CultureInfo.InvariantCulture);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid) && Fields(pid) is { } child && child[1] == parent)
                {
                    ticks += Ticks(child, 11) + Ticks(child, 12);
                }
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>The fields after the command name (field 2, in parentheses, may hold spaces): [0] is the state, [1] the parent.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // The process ended meanwhile.
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
