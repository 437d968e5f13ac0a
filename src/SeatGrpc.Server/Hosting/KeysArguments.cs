namespace SeatGrpc.Server.Hosting;

/// <summary>
/// The arguments of <c>seatgrpc keys VERB</c>: the verb's own (--tenant, --scopes, --expires, a key id), and the rest,
/// which are the server's database settings and go through <see cref="SettingSources"/>.
/// </summary>
internal sealed record KeysArguments(string Verb, string? Tenant, IReadOnlyList<string> Scopes, TimeSpan? ExpiresIn, string? KeyId, string[] SettingArgs)
{
    /// <exception cref="ArgumentException">A usage error, with what is wrong.</exception>
    public static KeysArguments Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("create" or "list" or "revoke"))
        {
            throw new ArgumentException(args.Length == 0 ? "keys needs a command: create, list or revoke." : $"Unknown keys command '{args[0]}'.");
        }

        var verb = args[0];
        string? tenant = null, scopes = null, expires = null, keyId = null;
        var settingArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var (flag, inlineValue) = SplitFlag(args[i]);
            switch (flag)
            {
                case "--tenant" when verb is "create" or "list":
                    tenant = inlineValue ?? Next(args, ref i, flag);
                    break;
                case "--scopes" when verb == "create":
                    scopes = inlineValue ?? Next(args, ref i, flag);
                    break;
                case "--expires" when verb == "create":
                    expires = inlineValue ?? Next(args, ref i, flag);
                    break;
                case var _ when verb == "revoke" && keyId is null && !args[i].StartsWith('-'):
                    keyId = args[i];
                    break;
                default:
                    settingArgs.Add(args[i]);
                    if (inlineValue is null && args[i].StartsWith('-') && i + 1 < args.Length)
                    {
                        settingArgs.Add(args[++i]);
                    }

                    break;
            }
        }

        return verb switch
        {
            "create" when tenant is null || scopes is null => throw new ArgumentException("keys create needs --tenant and --scopes."),
            "revoke" when keyId is null => throw new ArgumentException("keys revoke needs the KEY_ID that keys list shows."),
            _ => new KeysArguments(
                verb,
                tenant,
                scopes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                expires is null ? null : ParseExpiry(expires),
                keyId,
                [.. settingArgs]),
        };
    }

    private static (string Flag, string? Value) SplitFlag(string arg)
    {
        var parts = arg.Split('=', 2);
        return parts.Length == 2 && arg.StartsWith("--", StringComparison.Ordinal) ? (parts[0], parts[1]) : (arg, null);
    }

    private static string Next(string[] args, ref int i, string flag) =>
        i + 1 < args.Length ? args[++i] : throw new ArgumentException($"The flag '{flag}' needs a value.");

    private static TimeSpan ParseExpiry(string value) =>
        SettingsReader.ParseDuration(value) is { } span && span > TimeSpan.Zero
            ? span
            : throw new ArgumentException($"Invalid --expires '{value}': give a duration such as 90m, 12h or 30d.");
}
