namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Maps each setting to its command-line flag and environment variable, so that the
/// precedence is appsettings.json, then environment variables, then flags.
/// </summary>
internal static class SettingSources
{
    private static readonly (string Flag, string Variable, string Key)[] Table =
    [
        ("--listen", "SEATGRPC_LISTEN", nameof(SeatGrpcSettings.Listen)),
        ("--grpc-port", "SEATGRPC_GRPC_PORT", nameof(SeatGrpcSettings.GrpcPort)),
        ("--rest-port", "SEATGRPC_REST_PORT", nameof(SeatGrpcSettings.RestPort)),
        ("--sqlite", "SEATGRPC_SQLITE", nameof(SeatGrpcSettings.Sqlite)),
        ("--postgres", "SEATGRPC_POSTGRES", nameof(SeatGrpcSettings.Postgres)),
        ("--bootstrap-key", "SEATGRPC_BOOTSTRAP_KEY", nameof(SeatGrpcSettings.BootstrapKey)),
    ];

    /// <summary>Adds the environment variables and the flags above the sources already added.</summary>
    /// <exception cref="ArgumentException">A flag that is not in the table.</exception>
    public static void AddTo(IConfigurationBuilder configuration, string[] args, Func<string, string?> environment)
    {
        RejectUnknownFlags(args);
        var fromEnvironment = new Dictionary<string, string?>();
        foreach (var (_, variable, key) in Table)
        {
            if (environment(variable) is { } value)
            {
                fromEnvironment[ConfigKey(key)] = value;
            }
        }

        configuration.AddInMemoryCollection(fromEnvironment);
        configuration.AddCommandLine(args, Table.ToDictionary(row => row.Flag, row => ConfigKey(row.Key)));
    }

    private static void RejectUnknownFlags(string[] args)
    {
        foreach (var arg in args)
        {
            var flag = arg.Split('=', 2)[0];
            if (flag.StartsWith('-') && !Table.Any(row => row.Flag == flag))
            {
                var known = string.Join(", ", Table.Select(row => row.Flag));
                throw new ArgumentException($"Unknown flag '{flag}'. The flags are: {known}.");
            }
        }
    }

    private static string ConfigKey(string key) => $"{SeatGrpcSettings.Section}:{key}";
}
