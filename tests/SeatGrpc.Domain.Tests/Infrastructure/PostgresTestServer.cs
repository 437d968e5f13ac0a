using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using SeatGrpc.Testing;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run: the one named by <c>SEATGRPC_TEST_POSTGRES</c>, or else a throwaway
/// cluster started here with the Debian package's <c>initdb</c> and <c>pg_ctl</c> (as the <c>postgres</c> OS user
/// when running as root), on a free 127.0.0.1 port with its socket in its own temporary directory. A detached
/// watchdog stops the cluster (<c>pg_ctl stop -m immediate</c>) and deletes its directory when the test process
/// ends, however it ends.
/// Each provider creates and drops its own database on it.
/// </summary>
public sealed class PostgresTestServer
{
    public const string ConnectionVariable = "SEATGRPC_TEST_POSTGRES";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);
    private static readonly Lazy<(PostgresTestServer? Server, string? Problem)> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _clusterDirectory;
    private readonly string? _pgCtl;

    private PostgresTestServer(string adminConnectionString, string? clusterDirectory, string? pgCtl)
    {
        AdminConnectionString = adminConnectionString;
        _clusterDirectory = clusterDirectory;
        _pgCtl = pgCtl;
    }

    /// <summary>A superuser connection to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Why no server is available, or null.</summary>
    public static string? Problem => Shared.Value.Problem;

    /// <summary>The server; throws with the reason when none could be had.</summary>
    public static PostgresTestServer Instance => Shared.Value.Server ?? throw new InvalidOperationException(Shared.Value.Problem);

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database, int maxPoolSize = 100) => new NpgsqlConnectionStringBuilder(AdminConnectionString)
    {
        Database = database,
        MaxPoolSize = maxPoolSize,
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

    private static (PostgresTestServer?, string?) Start()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            var problem = TryConnect(given);
            return problem is null
                ? (new PostgresTestServer(given, null, null), null)
                : (null, $"{ConnectionVariable} is set, but the server cannot be reached: {problem}");
        }

        return StartCluster();
    }

    private static (PostgresTestServer?, string?) StartCluster()
    {
        var bin = FindBinDirectory();
        if (bin is null)
        {
            return (null, $"No PostgreSQL server: set {ConnectionVariable}, or install the Debian package postgresql (/usr/lib/postgresql/*/bin/initdb).");
        }

        var initdb = Path.Combine(bin, "initdb");
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var directory = Path.Combine(Path.GetTempPath(), "seatgrpc-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var (exit, output) = RunAsServerUser("mkdir", ["-m", "700", directory]);
        if (exit != 0)
        {
            return (null, $"Cannot create the cluster directory {directory}: {output.Trim()}");
        }

        var data = Path.Combine(directory, "data");
        (exit, output) = RunAsServerUser(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        if (exit != 0)
        {
            TryDelete(directory);
            return (null, $"initdb failed: {Tail(output)}");
        }

        var port = FreePort();
        var serverOptions = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 " +
                            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        (exit, output) = RunAsServerUser(pgCtl, ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "120", "-o", serverOptions, "start"]);
        if (exit != 0)
        {
            var log = File.Exists(Path.Combine(directory, "server.log")) ? File.ReadAllText(Path.Combine(directory, "server.log")) : "";
            RunAsServerUser(pgCtl, ["-D", data, "stop", "-m", "immediate"]);
            TryDelete(directory);
            return (null, $"pg_ctl start failed: {Tail(output + log)}");
        }

        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
        var server = new PostgresTestServer(admin, directory, pgCtl);
        var problem = StartWatchdog(pgCtl, directory) ?? TryConnect(admin);
        if (problem is not null)
        {
            server.StopCluster();
            return (null, $"The throwaway cluster started but refuses connections: {problem}");
        }

        return (server, null);
    }

    private void StopCluster()
    {
        if (_clusterDirectory is null || _pgCtl is null)
        {
            return;
        }

        RunAsServerUser(_pgCtl, ["-D", Path.Combine(_clusterDirectory, "data"), "stop", "-m", "immediate"]);
        TryDelete(_clusterDirectory);
    }

    /// <summary>
    /// The test host may be killed before a ProcessExit handler could run pg_ctl, so a detached shell waits for
    /// this process to end, then stops the cluster (immediate mode) and deletes its directory.
    /// </summary>
    private static string? StartWatchdog(string pgCtl, string directory)
    {
        const string Script = """
            exec >/dev/null 2>&1 </dev/null
            pid=$1; dir=$2; shift 2
            while kill -0 "$pid"; do sleep 1; done
            "$@"
            rm -rf "$dir"
            """;
        string[] stop = ["-D", Path.Combine(directory, "data"), "stop", "-m", "immediate"];
        string[] command = Environment.IsPrivilegedProcess
            ? ["runuser", "-u", "postgres", "--", pgCtl, .. stop]
            : [pgCtl, .. stop];
        var setsid = ToolRunner.Find("setsid");
        var startInfo = new ProcessStartInfo(setsid ?? "/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = [.. setsid is null ? [] : new[] { "/bin/sh" }, "-c", Script, "seatgrpc-pg-watchdog",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), directory, .. command];
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

    private static string? TryConnect(string connectionString)
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
