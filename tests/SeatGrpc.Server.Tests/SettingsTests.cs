using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Server.Hosting;

namespace SeatGrpc.Server.Tests;

/// <summary>Where each setting comes from, in process: the application is built but never started.</summary>
public sealed class SettingsTests : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "seatgrpc-settings-" + Guid.NewGuid().ToString("N"));

    public SettingsTests()
    {
        Directory.CreateDirectory(_contentRoot);
    }

    /// <summary>Per setting: its key, flag, variable, and three distinct valid values (appsettings.json, environment, flag).</summary>
    public static TheoryData<string, string, string, string, string, string> Layers => new()
    {
        { nameof(SeatGrpcSettings.Listen), "--listen", "SEATGRPC_LISTEN", "127.0.0.2", "127.0.0.3", "::1" },
        { nameof(SeatGrpcSettings.GrpcPort), "--grpc-port", "SEATGRPC_GRPC_PORT", "6000", "6001", "6002" },
        { nameof(SeatGrpcSettings.RestPort), "--rest-port", "SEATGRPC_REST_PORT", "7000", "7001", "7002" },
        { nameof(SeatGrpcSettings.Sqlite), "--sqlite", "SEATGRPC_SQLITE", "from-file.db", "from-env.db", "from-flag.db" },
        { nameof(SeatGrpcSettings.Postgres), "--postgres", "SEATGRPC_POSTGRES", "Host=file", "Host=env", "Host=flag" },
        { nameof(SeatGrpcSettings.BootstrapKey), "--bootstrap-key", "SEATGRPC_BOOTSTRAP_KEY", "file-key-0123456789abcdef01234567", "env-key-0123456789abcdef012345678", "flag-key-0123456789abcdef01234567" },
        { nameof(SeatGrpcSettings.InvitationLifetime), "--invitation-lifetime", "SEATGRPC_INVITATION_LIFETIME", "1.00:00:00", "2.00:00:00", "03:00:00" },
        { nameof(SeatGrpcSettings.MaxConcurrentCalls), "--max-concurrent-calls", "SEATGRPC_MAX_CONCURRENT_CALLS", "10", "20", "30" },
        { nameof(SeatGrpcSettings.MaxQueuedCalls), "--max-queued-calls", "SEATGRPC_MAX_QUEUED_CALLS", "0", "40", "50" },
    };

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public async Task Build_ShippedAppSettingsNoFlags_SpecDefaults()
    {
        var settings = await ReadAsync(SeatGrpcApp.Build([], NoEnvironment));

        Assert.Equal("127.0.0.1", settings.Listen);
        Assert.Equal(5000, settings.GrpcPort);
        Assert.Equal(5001, settings.RestPort);
        Assert.Equal("seats.db", settings.Sqlite);
        Assert.Null(settings.Postgres);
        Assert.Null(settings.BootstrapKey);
        Assert.Equal(TimeSpan.FromDays(7), settings.InvitationLifetime);
    }

    [Theory]
    [InlineData("90m", 90 * 60)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("30d", 30 * 86400)]
    [InlineData("0.00:01:00", 60)]
    public async Task Build_InvitationLifetime_AcceptsUnitsAndTimeSpans(string value, int seconds)
    {
        var settings = await ReadAsync(["--invitation-lifetime", value], NoEnvironment);

        Assert.Equal(TimeSpan.FromSeconds(seconds), settings.InvitationLifetime);
    }

    [Fact]
    public async Task Build_EmptyAppSettingsNoFlags_SpecDefaults()
    {
        await File.WriteAllTextAsync(Path.Combine(_contentRoot, "appsettings.json"), "{}");

        var settings = await ReadAsync([], NoEnvironment);

        Assert.Equal(new SeatGrpcSettings(), settings);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Build_OnlyAppSettings_AppSettingsValue(string key, string flag, string variable, string file, string env, string flagValue)
    {
        _ = (flag, variable, env, flagValue);
        WriteAppSettings(key, file);

        var settings = await ReadAsync([], NoEnvironment);

        Assert.Equal(file, Value(settings, key));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Build_EnvironmentOverAppSettings_EnvironmentValue(string key, string flag, string variable, string file, string env, string flagValue)
    {
        _ = (flag, flagValue);
        WriteAppSettings(key, file);

        var settings = await ReadAsync([], name => name == variable ? env : null);

        Assert.Equal(env, Value(settings, key));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Build_FlagOverEnvironmentAndAppSettings_FlagValue(string key, string flag, string variable, string file, string env, string flagValue)
    {
        WriteAppSettings(key, file);

        var settings = await ReadAsync([flag, flagValue], name => name == variable ? env : null);

        Assert.Equal(flagValue, Value(settings, key));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Build_FlagWithEqualsForm_FlagValue(string key, string flag, string variable, string file, string env, string flagValue)
    {
        WriteAppSettings(key, file);

        var settings = await ReadAsync([$"{flag}={flagValue}"], name => name == variable ? env : null);

        Assert.Equal(flagValue, Value(settings, key));
    }

    [Fact]
    public async Task Build_AllFlagsTogether_EachSettingFromItsFlag()
    {
        string[] args = ["--listen", "::1", "--grpc-port=0", "--rest-port", "0", "--sqlite", "-odd name.db", "--postgres=Host=x;Port=5", "--bootstrap-key", "k-0123456789abcdef0123456789abcdef", "--invitation-lifetime", "2d"];

        var settings = await ReadAsync(args, NoEnvironment);

        var expected = new SeatGrpcSettings
        {
            Listen = "::1", GrpcPort = 0, RestPort = 0, Sqlite = "-odd name.db", Postgres = "Host=x;Port=5", BootstrapKey = "k-0123456789abcdef0123456789abcdef", InvitationLifetime = TimeSpan.FromDays(2),
        };
        Assert.Equal(expected, settings);
    }

    [Theory]
    [InlineData(new[] { "--grpc-port", "abc" }, "Invalid --grpc-port (SEATGRPC_GRPC_PORT, SeatGrpc:GrpcPort in appsettings.json): 'abc' is not a port. Give a number from 0 to 65535; 0 picks a free port.")]
    [InlineData(new[] { "--rest-port=65536" }, "Invalid --rest-port (SEATGRPC_REST_PORT, SeatGrpc:RestPort in appsettings.json): '65536' is not a port. Give a number from 0 to 65535; 0 picks a free port.")]
    [InlineData(new[] { "--rest-port=-1" }, "Invalid --rest-port (SEATGRPC_REST_PORT, SeatGrpc:RestPort in appsettings.json): '-1' is not a port. Give a number from 0 to 65535; 0 picks a free port.")]
    [InlineData(new[] { "--listen", "not-an-ip" }, "Invalid --listen (SEATGRPC_LISTEN, SeatGrpc:Listen in appsettings.json): 'not-an-ip' is not an IP address. Give an IPv4 or IPv6 address, e.g. 127.0.0.1, 0.0.0.0 (every interface) or ::1.")]
    [InlineData(new[] { "--max-concurrent-calls", "0" }, "Invalid --max-concurrent-calls (SEATGRPC_MAX_CONCURRENT_CALLS, SeatGrpc:MaxConcurrentCalls in appsettings.json): '0' is not a whole number from 1 to 100000.")]
    [InlineData(new[] { "--max-queued-calls=-1" }, "Invalid --max-queued-calls (SEATGRPC_MAX_QUEUED_CALLS, SeatGrpc:MaxQueuedCalls in appsettings.json): '-1' is not a whole number from 0 to 100000.")]
    [InlineData(new[] { "--sqlite=" }, "Invalid --sqlite (SEATGRPC_SQLITE, SeatGrpc:Sqlite in appsettings.json): '' is empty. Give the database file's path, e.g. seats.db.")]
    [InlineData(new[] { "--grpc-port", "6000", "--rest-port", "6000" }, "--grpc-port (SEATGRPC_GRPC_PORT, SeatGrpc:GrpcPort in appsettings.json) and --rest-port (SEATGRPC_REST_PORT, SeatGrpc:RestPort in appsettings.json) are both 6000: give the two endpoints different ports (0 picks a free one).")]
    [InlineData(new[] { "--invitation-lifetime", "30s" }, "Invalid --invitation-lifetime (SEATGRPC_INVITATION_LIFETIME, SeatGrpc:InvitationLifetime in appsettings.json): '30s' is not a duration from 1 minute to 365 days. Give e.g. 90m, 12h, 7d or 7.00:00:00.")]
    [InlineData(new[] { "--invitation-lifetime", "400d" }, "Invalid --invitation-lifetime (SEATGRPC_INVITATION_LIFETIME, SeatGrpc:InvitationLifetime in appsettings.json): '400d' is not a duration from 1 minute to 365 days. Give e.g. 90m, 12h, 7d or 7.00:00:00.")]
    [InlineData(new[] { "--grpc-port" }, "The flag '--grpc-port' needs a value: --grpc-port VALUE or --grpc-port=VALUE.")]
    [InlineData(new[] { "--sqlite", "--grpc-port", "0" }, "The flag '--sqlite' needs a value: --sqlite VALUE or --sqlite=VALUE.")]
    [InlineData(new[] { "--port", "0" }, "Unknown flag '--port'. The flags are: --listen, --grpc-port, --rest-port, --sqlite, --postgres, --bootstrap-key, --invitation-lifetime, --reflection-requires-key, --max-concurrent-calls, --max-queued-calls.")]
    [InlineData(new[] { "serve" }, "Unexpected argument 'serve'. Settings are given as --flag VALUE or --flag=VALUE; the flags are: --listen, --grpc-port, --rest-port, --sqlite, --postgres, --bootstrap-key, --invitation-lifetime, --reflection-requires-key, --max-concurrent-calls, --max-queued-calls.")]
    public void Build_BadFlag_ArgumentExceptionWithTheFix(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SeatGrpcApp.Build(args, NoEnvironment, _contentRoot));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Build_BadEnvironmentValue_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => SeatGrpcApp.Build([], name => name == "SEATGRPC_GRPC_PORT" ? "50x" : null, _contentRoot));

        Assert.StartsWith("Invalid --grpc-port (SEATGRPC_GRPC_PORT, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadAppSettingsValue_NamesTheSetting()
    {
        WriteAppSettings(nameof(SeatGrpcSettings.Listen), "localhost:80");

        var error = Assert.Throws<ArgumentException>(() => SeatGrpcApp.Build([], NoEnvironment, _contentRoot));

        Assert.StartsWith("Invalid --listen (SEATGRPC_LISTEN, SeatGrpc:Listen in appsettings.json): 'localhost:80'", error.Message, StringComparison.Ordinal);
    }

    private static string? Value(SeatGrpcSettings settings, string key) => key switch
    {
        nameof(SeatGrpcSettings.Listen) => settings.Listen,
        nameof(SeatGrpcSettings.GrpcPort) => settings.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        nameof(SeatGrpcSettings.RestPort) => settings.RestPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        nameof(SeatGrpcSettings.Sqlite) => settings.Sqlite,
        nameof(SeatGrpcSettings.Postgres) => settings.Postgres,
        nameof(SeatGrpcSettings.BootstrapKey) => settings.BootstrapKey,
        nameof(SeatGrpcSettings.InvitationLifetime) => settings.InvitationLifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        nameof(SeatGrpcSettings.MaxConcurrentCalls) => settings.MaxConcurrentCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
        nameof(SeatGrpcSettings.MaxQueuedCalls) => settings.MaxQueuedCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    private void WriteAppSettings(string key, string value)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>> { [SeatGrpcSettings.Section] = new() { [key] = value } });
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), json);
    }

    private Task<SeatGrpcSettings> ReadAsync(string[] args, Func<string, string?> environment) =>
        ReadAsync(SeatGrpcApp.Build(args, environment, _contentRoot));

    private static async Task<SeatGrpcSettings> ReadAsync(WebApplication app)
    {
        await using (app)
        {
            return app.Services.GetRequiredService<SeatGrpcSettings>();
        }
    }
}
