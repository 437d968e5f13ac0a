using System.Data.Common;
using System.Globalization;
using SeatGrpc.Domain;
using SeatGrpc.Storage;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// <c>seatgrpc keys create|list|revoke</c>: key management from the server's own binary, against the database the
/// server's settings name (appsettings.json, environment, --sqlite/--postgres). <c>create</c> prints the new key alone
/// on stdout, so that <c>KEY=$(seatgrpc keys create ...)</c> works; everything else a command says goes to stderr,
/// except the table of <c>list</c>.
/// </summary>
internal static class KeysCommand
{
    public const string Usage =
        "usage: seatgrpc keys create --tenant T --scopes seats:read,seats:write[,seats:admin] [--expires 30d] [database flags]\n" +
        "       seatgrpc keys list [--tenant T] [database flags]\n" +
        "       seatgrpc keys revoke KEY_ID [database flags]\n" +
        "database flags: --sqlite PATH or --postgres CONNECTION (or SEATGRPC_SQLITE, SEATGRPC_POSTGRES, appsettings.json)";

    private const int PageSize = 1000;

    /// <returns>0 on success, 1 when the command failed (an unknown key, an unreachable database), 2 for a usage error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        KeysArguments parsed;
        SeatGrpcSettings settings;
        try
        {
            parsed = KeysArguments.Parse(args);
            settings = ReadSettings(parsed.SettingArgs);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"seatgrpc: {e.Message}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            using var database = await SeatStorage.OpenAsync(settings.Postgres, new SqliteStorageOptions(settings.Sqlite), null, cancellationToken)
                .ConfigureAwait(false);
            var keys = await ApiKeyDirectory.CreateAsync(database, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return parsed.Verb switch
            {
                "create" => await CreateAsync(keys, parsed, stdout, stderr, cancellationToken).ConfigureAwait(false),
                "list" => await ListAsync(keys, parsed, stdout, cancellationToken).ConfigureAwait(false),
                _ => await RevokeAsync(keys, parsed, stderr, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (SeatDomainException e) when (e.Kind == SeatErrorKind.InvalidArgument)
        {
            await stderr.WriteLineAsync($"seatgrpc: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (SeatDomainException e)
        {
            await stderr.WriteLineAsync($"seatgrpc: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is DbException or SchemaVersionException or IOException)
        {
            await stderr.WriteLineAsync($"seatgrpc: {StartupFailure.Describe(e) ?? e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> CreateAsync(ApiKeyDirectory keys, KeysArguments parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var expiry = parsed.ExpiresIn is { } lifetime ? DateTimeOffset.UtcNow + lifetime : (DateTimeOffset?)null;
        var created = await keys.CreateKeyAsync(parsed.Tenant!, parsed.Scopes, expiry, createdBy: null, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync(created.Secret).ConfigureAwait(false);
        var expires = expiry is { } at ? $", expiring {Format(at)}" : string.Empty;
        await stderr.WriteLineAsync(
            $"Created key {created.Key.KeyId} for tenant {created.Key.Tenant} with {string.Join(',', created.Key.Scopes)}{expires}. " +
            "The key above is shown only this once.").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyDirectory keys, KeysArguments parsed, TextWriter stdout, CancellationToken cancellationToken)
    {
        await stdout.WriteLineAsync("KEY_ID        TENANT           SCOPES                              CREATED               EXPIRES               STATUS")
            .ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        string? token = null;
        do
        {
            var page = await keys.ListAsync(parsed.Tenant, PageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var key in page.Keys)
            {
                var status = key.IsRevoked ? $"revoked {Format(key.RevokeTime!.Value)}" : key.IsExpiredAt(now) ? "expired" : "active";
                var expires = key.ExpireTime is { } at ? Format(at) : "never";
                await stdout.WriteLineAsync(
                    $"{key.KeyId,-13} {key.Tenant,-16} {string.Join(',', key.Scopes),-35} {Format(key.CreateTime),-21} {expires,-21} {status}")
                    .ConfigureAwait(false);
            }

            token = page.NextPageToken;
        }
        while (token is not null);

        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyDirectory keys, KeysArguments parsed, TextWriter stderr, CancellationToken cancellationToken)
    {
        var revoked = await keys.RevokeAsync(tenant: null, parsed.KeyId!, cancellationToken).ConfigureAwait(false);
        await stderr.WriteLineAsync(
            $"Revoked key {revoked.KeyId} of tenant {revoked.Tenant} at {Format(revoked.RevokeTime!.Value)}; " +
            "running servers refuse it within 2 seconds.").ConfigureAwait(false);
        return 0;
    }

    private static SeatGrpcSettings ReadSettings(string[] settingArgs)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true);
        SettingSources.AddTo(configuration, settingArgs, Environment.GetEnvironmentVariable);
        return SettingsReader.Read(configuration.GetSection(SeatGrpcSettings.Section));
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
