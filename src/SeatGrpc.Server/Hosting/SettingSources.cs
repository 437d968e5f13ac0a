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
        ("--invitation-lifetime", "SEATGRPC_INVITATION_LIFETIME", nameof(SeatGrpcSettings.InvitationLifetime)),
        ("--reflection-requires-key", "SEATGRPC_REFLECTION_REQUIRES_KEY", nameof(SeatGrpcSettings.ReflectionRequiresKey)),
        ("--max-concurrent-calls", "SEATGRPC_MAX_CONCURRENT_CALLS", nameof(SeatGrpcSettings.MaxConcurrentCalls)),
        ("--max-queued-calls", "SEATGRPC_MAX_QUEUED_CALLS", nameof(SeatGrpcSettings.MaxQueuedCalls)),
    ];

    private static string KnownFlags => string.Join(", ", Table.Select(row => row.Flag));

    /// <summary>Adds the environment variables and the flags above the sources already added.</summary>
    /// <exception cref="ArgumentException">A flag that is not in the table, or a flag without its value.</exception>
    public static void AddTo(IConfigurationBuilder configuration, string[] args, Func<string, string?> environment)
    {
        CheckFlags(args);
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

    /// <summary>How a user sets <paramref name="key"/>, for error messages: "--grpc-port (SEATGRPC_GRPC_PORT, SeatGrpc:GrpcPort in appsettings.json)".</summary>
    public static string Describe(string key)
    {
        var (flag, variable, _) = Table.Single(row => row.Key == key);
        return $"{flag} ({variable}, {ConfigKey(key)} in appsettings.json)";
    }

    private static void CheckFlags(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                // The configuration binder would take a stray word silently as nothing; say so instead.
                throw new ArgumentException($"Unexpected argument '{arg}'. Settings are given as --flag VALUE or --flag=VALUE; the flags are: {KnownFlags}.");
            }

            var parts = arg.Split('=', 2);
            if (!Table.Any(row => row.Flag == parts[0]))
            {
                throw new ArgumentException($"Unknown flag '{parts[0]}'. The flags are: {KnownFlags}.");
            }

            if (parts.Length == 2)
            {
                continue;
            }

            // "--flag VALUE": the value is the next argument. A missing one would otherwise be ignored without a word.
            if (i + 1 >= args.Length || Table.Any(row => row.Flag == args[i + 1].Split('=', 2)[0]))
            {
                throw new ArgumentException($"The flag '{arg}' needs a value: {arg} VALUE or {arg}=VALUE.");
            }

            i++;
        }
    }

    private static string ConfigKey(string key) => $"{SeatGrpcSettings.Section}:{key}";
}
