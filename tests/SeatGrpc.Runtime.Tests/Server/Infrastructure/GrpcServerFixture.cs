using System.Net;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>
/// One real Kestrel on 127.0.0.1:0 per test class: an HTTP/2-only endpoint (h2c, prior knowledge) for gRPC,
/// and an HTTP/1.1 endpoint to check that gRPC is refused there. Subclasses adjust the gRPC options.
/// </summary>
public class GrpcServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public EchoProbe Probe { get; } = new();

    public TestLogSink Logs { get; } = new();

    public Uri Http2Address { get; private set; } = null!;

    public Uri Http1Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
        builder.Services.AddSingleton(Probe);
        ConfigureServices(builder.Services);
        builder.Services.AddGrpc(ConfigureGrpc);

        _app = builder.Build();
        _app.MapGrpcService<TestEchoService>();
        await _app.StartAsync().WaitAsync(TestTimeouts.Default);

        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        Http2Address = new Uri(addresses[0]);
        Http1Address = new Uri(addresses[1]);
        Client = CreateClient(Http2Address, HttpVersion.Version20);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TestTimeouts.Default);
            await _app.DisposeAsync();
        }
    }

    /// <summary>Creates a client that speaks exactly the given HTTP version, without TLS.</summary>
    /// <param name="address">The server address.</param>
    /// <param name="version">The HTTP version.</param>
    /// <returns>The client.</returns>
    public static HttpClient CreateClient(Uri address, Version version) =>
        new(new SocketsHttpHandler { EnableMultipleHttp2Connections = false })
        {
            BaseAddress = address,
            DefaultRequestVersion = version,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    protected virtual void ConfigureGrpc(GrpcServiceOptions options)
    {
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
