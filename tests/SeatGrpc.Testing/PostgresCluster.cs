using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SeatGrpc.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster started with the Debian package's <c>initdb</c> and <c>pg_ctl</c> (as the
/// <c>postgres</c> OS user when running as root), on a free 127.0.0.1 port with its socket in its own temporary
/// directory. It can be stopped and started again on the same port (to make a server's database unreachable). A
/// detached watchdog stops it (<c>pg_ctl stop -m immediate</c>) and deletes its directory when the test process ends,
/// however it ends; <see cref="Dispose"/> does the same at once.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    private readonly string _directory;
    private readonly string _pgCtl;
    private readonly string _serverOptions;

    private PostgresCluster(string directory, string pgCtl, int port)
    {
        _directory = directory;
        _pgCtl = pgCtl;
        Port = port;
        _serverOptions = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 " +
                         "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>Gets the port the cluster listens on (the same after a restart).</summary>
    public int Port { get; }

    /// <summary>Gets a superuser connection to the cluster's maintenance database.</summary>
    public string AdminConnectionString { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "server.log");

    /// <summary>Creates and starts a cluster.</summary>
    /// <param name="problem">Why none could be started, or null.</param>
    /// <returns>The running cluster, or null.</returns>
    public static PostgresCluster? TryStart(out string? problem)
    {
        var bin = FindBinDirectory();
        if (bin is null)
        {
            problem = "No PostgreSQL server: install the Debian package postgresql (/usr/lib/postgresql/*/bin/initdb).";
            return null;
        }

        var directory = Path.Combine(Path.GetTempPath(), "seatgrpc-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var (exit, output) = RunAsServerUser("mkdir", ["-m", "700", directory]);
        if (exit != 0)
        {
            problem = $"Cannot create the cluster directory {directory}: {output.Trim()}";
            return null;
        }

        var cluster = new PostgresCluster(directory, Path.Combine(bin, "pg_ctl"), FreePort());
        (exit, output) = RunAsServerUser(Path.Combine(bin, "initdb"), ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        if (exit != 0)
        {
            TryDelete(directory);
            problem = $"initdb failed: {Tail(output)}";
            return null;
        }

        problem = cluster.Start() ?? cluster.StartWatchdog() ?? TryConnect(cluster.AdminConnectionString);
        if (problem is not null)
        {
            cluster.Dispose();
            problem = $"The throwaway cluster did not start or refuses connections: {problem}";
            return null;
        }

        return cluster;
    }

    /// <summary>Starts the (stopped) cluster again, on the same port.</summary>
    /// <returns>Null, or why it failed.</returns>
    public string? Start()
    {
        var (exit, output) = RunAsServerUser(_pgCtl, ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "120", "-o", _serverOptions, "start"]);
        if (exit == 0)
        {
            return null;
        }

        var log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";
        return $"pg_ctl start failed: {Tail(output + log)}";
    }

    /// <summary>Stops the cluster at once (immediate mode): every connection breaks, committed data stays.</summary>
    /// <returns>Null, or why it failed.</returns>
    public string? Stop()
    {
        // The cluster runs with synchronous_commit=off, so an immediate stop (a crash) could drop the last commits;
        // a checkpoint first hands them to the OS, which keeps them across the server's restart.
        if (Checkpoint(AdminConnectionString) is { } problem)
        {
            return $"CHECKPOINT before the stop failed: {problem}";
        }

        var (exit, output) = RunAsServerUser(_pgCtl, ["-D", DataDirectory, "-w", "stop", "-m", "immediate"]);
        return exit == 0 ? null : $"pg_ctl stop failed: {Tail(output)}";
    }

    /// <summary>Stops the cluster and deletes its directory.</summary>
    public void Dispose()
    {
        RunAsServerUser(_pgCtl, ["-D", DataDirectory, "stop", "-m", "immediate"]);
        TryDelete(_directory);
    }

    private static string? Checkpoint(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("CHECKPOINT", connection);
            command.ExecuteNonQuery();
            return null;
        }
        catch (NpgsqlException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Checks that a server answers <c>SELECT 1</c>.</summary>
    /// <param name="connectionString">The server.</param>
    /// <returns>Null, or why not.</returns>
    public static string? TryConnect(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT 1", connection);
            command.ExecuteScalar();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// The test host may be killed before a ProcessExit handler could run pg_ctl, so a detached shell waits for
    /// this process to end, then stops the cluster (immediate mode) and deletes its directory.
    /// </summary>
    private string? StartWatchdog()
    {
        const string Script = """
            exec >/dev/null 2>&1 </dev/null
            pid=$1; dir=$2; shift 2
            while kill -0 "$pid"; do sleep 1; done
            "$@"
            rm -rf "$dir"
            """;
        string[] stop = ["-D", DataDirectory, "stop", "-m", "immediate"];
        string[] command = Environment.IsPrivilegedProcess
            ? ["runuser", "-u", "postgres", "--", _pgCtl, .. stop]
            : [_pgCtl, .. stop];
        var setsid = ToolRunner.Find("setsid");
        var startInfo = new ProcessStartInfo(setsid ?? "/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = [.. setsid is null ? [] : new[] { "/bin/sh" }, "-c", Script, "seatgrpc-pg-watchdog",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _directory, .. command];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo);
            return process is null ? "the watchdog shell did not start" : null;
        }
        catch (Win32Exception ex)
        {
            return $"the watchdog shell did not start: {ex.Message}";
        }
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Directory, "bin"))
            .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
    }

    /// <summary>PostgreSQL refuses to run as root: as root, run the tool as the postgres OS user.</summary>
    private static (int ExitCode, string Output) RunAsServerUser(string tool, string[] arguments)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return tool == "mkdir"
                ? CreateDirectory(arguments[^1])
                : ToolRunner.Run(tool, arguments, ToolTimeout);
        }

        var runuser = ToolRunner.Find("/usr/sbin/runuser") ?? ToolRunner.Find("runuser");
        if (runuser is null)
        {
            return (-1, "running as root, but runuser (util-linux) is missing, so the server cannot run as the postgres user");
        }

        return ToolRunner.Run(runuser, ["-u", "postgres", "--", tool, .. arguments], ToolTimeout);
    }

    private static (int, string) CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return (0, "");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string text) => text.Length <= 1500 ? text.Trim() : text[^1500..].Trim();

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory must not fail the run.
        }
    }
}
