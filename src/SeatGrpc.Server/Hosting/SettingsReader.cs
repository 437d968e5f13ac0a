using System.Globalization;
using System.Net;
using SeatGrpc.Domain;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Reads <see cref="SeatGrpcSettings"/> from its configuration section, checking each value, so that a bad one stops
/// the start with a message naming the setting and the fix rather than with the binder's exception.
/// </summary>
internal static class SettingsReader
{
    /// <exception cref="ArgumentException">A value that is not valid, with a message for the user.</exception>
    public static SeatGrpcSettings Read(IConfigurationSection section)
    {
        var defaults = new SeatGrpcSettings();
        var settings = new SeatGrpcSettings
        {
            Listen = ReadAddress(section, nameof(SeatGrpcSettings.Listen), defaults.Listen),
            GrpcPort = ReadPort(section, nameof(SeatGrpcSettings.GrpcPort), defaults.GrpcPort),
            RestPort = ReadPort(section, nameof(SeatGrpcSettings.RestPort), defaults.RestPort),
            Sqlite = ReadPath(section, nameof(SeatGrpcSettings.Sqlite), defaults.Sqlite),
            Postgres = ReadOptional(section, nameof(SeatGrpcSettings.Postgres)),
            BootstrapKey = ReadBootstrapKey(section, nameof(SeatGrpcSettings.BootstrapKey)),
            InvitationLifetime = ReadLifetime(section, nameof(SeatGrpcSettings.InvitationLifetime), defaults.InvitationLifetime),
            ReflectionRequiresKey = ReadFlag(section, nameof(SeatGrpcSettings.ReflectionRequiresKey)),
            MaxConcurrentCalls = ReadCount(section, nameof(SeatGrpcSettings.MaxConcurrentCalls), defaults.MaxConcurrentCalls, minimum: 1),
            MaxQueuedCalls = ReadCount(section, nameof(SeatGrpcSettings.MaxQueuedCalls), defaults.MaxQueuedCalls, minimum: 0),
        };

        if (settings.GrpcPort != 0 && settings.GrpcPort == settings.RestPort)
        {
            throw new ArgumentException(
                $"{SettingSources.Describe(nameof(SeatGrpcSettings.GrpcPort))} and {SettingSources.Describe(nameof(SeatGrpcSettings.RestPort))} " +
                $"are both {settings.GrpcPort}: give the two endpoints different ports (0 picks a free one).");
        }

        return settings;
    }

    private static string ReadAddress(IConfigurationSection section, string key, string fallback)
    {
        var value = section[key] ?? fallback;
        return IPAddress.TryParse(value, out _)
            ? value
            : throw Invalid(key, value, "is not an IP address. Give an IPv4 or IPv6 address, e.g. 127.0.0.1, 0.0.0.0 (every interface) or ::1.");
    }

    private static int ReadPort(IConfigurationSection section, string key, int fallback)
    {
        if (section[key] is not { } value)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort
            ? port
            : throw Invalid(key, value, "is not a port. Give a number from 0 to 65535; 0 picks a free port.");
    }

    private static int ReadCount(IConfigurationSection section, string key, int fallback, int minimum)
    {
        const int Maximum = 100_000;
        if (section[key] is not { } value)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= minimum && count <= Maximum
            ? count
            : throw Invalid(key, value, $"is not a whole number from {minimum} to {Maximum}.");
    }

    private static string ReadPath(IConfigurationSection section, string key, string fallback)
    {
        var value = section[key] ?? fallback;
        return string.IsNullOrWhiteSpace(value) ? throw Invalid(key, value, "is empty. Give the database file's path, e.g. seats.db.") : value;
    }

    // A duration as a number with a unit (90m, 12h, 7d) or as d.hh:mm:ss; from a minute to a year.
    private static TimeSpan ReadLifetime(IConfigurationSection section, string key, TimeSpan fallback)
    {
        if (section[key] is not { } value)
        {
            return fallback;
        }

        var lifetime = ParseDuration(value);
        return lifetime is { } parsed && parsed >= TimeSpan.FromMinutes(1) && parsed <= TimeSpan.FromDays(365)
            ? parsed
            : throw Invalid(key, value, "is not a duration from 1 minute to 365 days. Give e.g. 90m, 12h, 7d or 7.00:00:00.");
    }

    // A bootstrap key is a secret the operator chose: only its shape is checked, and the message never repeats it.
    private static string? ReadBootstrapKey(IConfigurationSection section, string key)
    {
        var value = ReadOptional(section, key);
        return value is null || ApiKeyDirectory.IsAcceptableBootstrapKey(value)
            ? value
            : throw new ArgumentException(
                $"Invalid {SettingSources.Describe(key)}: a key has 32 to 512 printable ASCII characters and no spaces, e.g. the output of 'openssl rand -hex 32'.");
    }

    private static bool ReadFlag(IConfigurationSection section, string key)
    {
        var value = section[key];
        return value switch
        {
            null => false,
            _ when bool.TryParse(value, out var flag) => flag,
            _ => throw Invalid(key, value, "is not true or false."),
        };
    }

    /// <summary>A duration as a number with a unit (90m, 12h, 30d) or as d.hh:mm:ss; null when it is neither.</summary>
    internal static TimeSpan? ParseDuration(string value)
    {
        var unit = value.Length > 1 ? value[^1] : '\0';
        if (unit is 'm' or 'h' or 'd' && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return unit switch
            {
                'm' => TimeSpan.FromMinutes(count),
                'h' => TimeSpan.FromHours(count),
                _ => TimeSpan.FromDays(count),
            };
        }

        return TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    private static string? ReadOptional(IConfigurationSection section, string key) =>
        string.IsNullOrEmpty(section[key]) ? null : section[key];

    private static ArgumentException Invalid(string key, string value, string problem) =>
        new($"Invalid {SettingSources.Describe(key)}: '{value}' {problem}");
}
