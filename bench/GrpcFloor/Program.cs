using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// Usage: GrpcFloor PORT. Serves grpc.health.v1.Health over cleartext HTTP/2 with Grpc.AspNetCore alone.
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5200;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.ListenLocalhost(port, listen => listen.Protocols = HttpProtocols.Http2));

// As src/SeatGrpc.Server/Hosting/GrpcPlatform.cs: a 4 MiB message limit, Check answered from the publisher's cache.
builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = 4 * 1024 * 1024);
builder.Services.AddHealthChecks().AddCheck("database", static () => HealthCheckResult.Healthy());
builder.Services.AddGrpcHealthChecks(options =>
{
    options.Services.Map(string.Empty, static _ => true);
    options.UseHealthChecksCache = true;
});
builder.Services.Configure<HealthCheckPublisherOptions>(options =>
{
    options.Delay = TimeSpan.Zero;
    options.Period = TimeSpan.FromSeconds(1);
});

var app = builder.Build();
app.MapGrpcHealthChecksService();
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"grpc floor listening on {port}"));
await app.RunAsync();
