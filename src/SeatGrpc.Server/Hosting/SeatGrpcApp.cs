using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SeatGrpc.Service;

namespace SeatGrpc.Server.Hosting;

/// <summary>Builds the SeatGrpc web application: settings, the two Kestrel endpoints, and the layers.</summary>
public static class SeatGrpcApp
{
    /// <summary>The bounded grace period in which SIGTERM lets in-flight calls and streams finish.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Builds the application from the process's flags and environment.</summary>
    /// <exception cref="ArgumentException">An unknown flag or an invalid setting; the message says how to fix it.</exception>
    public static WebApplication Build(string[] args) => Build(args, Environment.GetEnvironmentVariable);

    /// <summary>Builds the application from flags and an environment (a lookup of variables, for tests).</summary>
    /// <exception cref="ArgumentException">An unknown flag or an invalid setting; the message says how to fix it.</exception>
    public static WebApplication Build(string[] args, Func<string, string?> environment) =>
        Build(args, environment, AppContext.BaseDirectory);

    /// <summary>
    /// Builds the application with its appsettings.json read from <paramref name="contentRoot"/>; tests may add services
    /// (<paramref name="testServices"/>) before the container is built.
    /// </summary>
    internal static WebApplication Build(string[] args, Func<string, string?> environment, string contentRoot, Action<IServiceCollection>? testServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
        });
        SettingSources.AddTo(builder.Configuration, args, environment);
        var settings = SettingsReader.Read(builder.Configuration.GetSection(SeatGrpcSettings.Section));

        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);

        // A start-up failure is reported once, by Program, as a message without a stack trace (StartupFailure);
        // the generic host would log it a second time with one. Its Critical entries (a faulted background
        // service stopping the host) still show.
        builder.Logging.AddFilter(HostCategory, LogLevel.Critical);

        // While this category is enabled at any level, ASP.NET Core opens an Activity and a log scope for every
        // request (about a tenth of a trivial call's cost); our call log and StartupFailure cover what it would say.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownGrace);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<ListeningPorts>();
        builder.Services.AddSeatService(options =>
        {
            options.SqlitePath = settings.Sqlite;
            options.PostgresConnectionString = settings.Postgres;
            options.InvitationLifetime = settings.InvitationLifetime;
            options.BootstrapKey = settings.BootstrapKey;
            options.BootstrapKeyCreated = BootstrapKeyLine.Print;
        });
        builder.Services.AddSeatGrpcPlatform(settings);
        builder.AddSeatGrpcTelemetry(environment);
        builder.WebHost.ConfigureKestrel((context, kestrel) => ConfigureEndpoints(kestrel, settings, kestrel.ApplicationServices.GetRequiredService<ListeningPorts>()));

        testServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSeatGrpcPlatform();
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<ListeningPorts>().Announce(app.Logger));
        return app;
    }

    private static void ConfigureEndpoints(KestrelServerOptions kestrel, SeatGrpcSettings settings, ListeningPorts ports)
    {
        var address = IPAddress.Parse(settings.Listen);

        // No "server: Kestrel" on every response: it tells callers nothing they need, and costs a header per call.
        kestrel.AddServerHeader = false;

        // Cleartext HTTP/2 needs prior knowledge, which Kestrel only allows on an HTTP/2-only endpoint.
        kestrel.Listen(address, settings.GrpcPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            ports.Grpc = listen;
        });
        // Without TLS there is no ALPN to negotiate HTTP/2, so the cleartext REST port speaks HTTP/1.1;
        // cleartext HTTP/2 clients of the REST routes use the gRPC port, which serves them too.
        kestrel.Listen(address, settings.RestPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            ports.Rest = listen;
        });
    }
}
