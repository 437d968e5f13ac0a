using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Health;

/// <summary>
/// A real Kestrel on 127.0.0.1:0 (HTTP/2 cleartext) with the gRPC runtime, for the health and reflection tests.
/// Records warnings and errors so a test can fail on an unexpected one.
/// </summary>
internal sealed class KestrelTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<KestrelTestHost> StartAsync(Action<IServiceCollection> configureServices, Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        configureServices(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync().WithTimeout();
        var address = app.Urls.Single();
        return new KestrelTestHost(app, new Uri(address));
    }

    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Address);

    /// <summary>Starts stopping the host (ApplicationStopping fires), bounded.</summary>
    public Task StopAsync() => _app.StopAsync().WithTimeout();

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token).WithTimeout();
        await _app.DisposeAsync();
    }
}
