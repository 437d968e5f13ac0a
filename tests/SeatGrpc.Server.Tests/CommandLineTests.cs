using Microsoft.Data.Sqlite;

namespace SeatGrpc.Server.Tests;

/// <summary>What the built server prints and returns when it cannot start, run as a child process.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UnknownFlag_ExitCode2AndTheFlagList()
    {
        var (exitCode, output) = await SeatServerProcess.RunToExitAsync(["--grpc-prot", "0"], ExitTimeout);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "seatgrpc: Unknown flag '--grpc-prot'. The flags are: --listen, --grpc-port, --rest-port, --sqlite, --postgres, --bootstrap-key, --invitation-lifetime, --reflection-requires-key, --max-concurrent-calls, --max-queued-calls.",
            output.Trim());
    }

    [Theory]
    [InlineData("--grpc-port", "abc", "Invalid --grpc-port (SEATGRPC_GRPC_PORT, SeatGrpc:GrpcPort in appsettings.json): 'abc' is not a port. Give a number from 0 to 65535; 0 picks a free port.")]
    [InlineData("--rest-port", "99999", "Invalid --rest-port (SEATGRPC_REST_PORT, SeatGrpc:RestPort in appsettings.json): '99999' is not a port. Give a number from 0 to 65535; 0 picks a free port.")]
    [InlineData("--listen", "not-an-ip", "Invalid --listen (SEATGRPC_LISTEN, SeatGrpc:Listen in appsettings.json): 'not-an-ip' is not an IP address. Give an IPv4 or IPv6 address, e.g. 127.0.0.1, 0.0.0.0 (every interface) or ::1.")]
    public async Task BadValue_ExitCode2AndOneLineNamingSettingAndFix(string flag, string value, string message)
    {
        var (exitCode, output) = await SeatServerProcess.RunToExitAsync([flag, value, "--sqlite", "/nonexistent/never-opened.db"], ExitTimeout);

        Assert.Equal(2, exitCode);
        Assert.Equal($"seatgrpc: {message}", output.Trim());
    }

    [Fact]
    public async Task BadEnvironmentValue_ExitCode2NamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["SEATGRPC_GRPC_PORT"] = "fifty" };

        var (exitCode, output) = await SeatServerProcess.RunToExitAsync(["--rest-port", "0"], ExitTimeout, environment);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("seatgrpc: Invalid --grpc-port (SEATGRPC_GRPC_PORT, ", output.Trim(), StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task SchemaNewerThanBinary_ExitsNonZeroNamingBothVersionsAndTheFix()
    {
        using var database = new TempDatabase();
        var (created, createdOutput) = await StartAndStopAsync(database.Path);
        Assert.True(created == 0, createdOutput);
        await using (var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False"))
        {
            await connection.OpenAsync().WithTimeout();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_migrations (version, name, applied_time) VALUES (999, '0999_future.sql', 0)";
            await insert.ExecuteNonQueryAsync().WithTimeout();
        }

        var (exitCode, output) = await SeatServerProcess.RunToExitAsync(["--grpc-port", "0", "--rest-port", "0", "--sqlite", database.Path], ExitTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "seatgrpc: The database schema is at version 999, but this binary knows versions up to 4. " +
            "Run a SeatGrpc release that ships migration 999, or point the server at another database.",
            output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task PortInUse_ExitsNonZeroWithTheAddressAndTheFix()
    {
        using var database = new TempDatabase();
        await using var first = await SeatServerProcess.StartAsync(database.Path);
        using var other = new TempDatabase();

        var (exitCode, output) = await SeatServerProcess.RunToExitAsync(
            ["--grpc-port", first.GrpcUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rest-port", "0", "--sqlite", other.Path],
            ExitTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains($"seatgrpc: Failed to bind to address http://127.0.0.1:{first.GrpcUri.Port}: address already in use.", output, StringComparison.Ordinal);
        Assert.Contains("pick other ports with --grpc-port and --rest-port", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task UnopenableDatabase_ExitsNonZeroNamingTheSetting()
    {
        var (exitCode, output) = await SeatServerProcess.RunToExitAsync(["--grpc-port", "0", "--rest-port", "0", "--sqlite", "/nonexistent/dir/seats.db"], ExitTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("seatgrpc: The seat database cannot be opened: ", output, StringComparison.Ordinal);
        Assert.Contains("Check --sqlite", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    internal static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> StartAndStopAsync(string databasePath)
    {
        await using var server = await SeatServerProcess.StartAsync(databasePath);
        server.Terminate();
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (exitCode, string.Join('\n', server.Output));
    }
}
