using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeatGrpc.Client;

namespace SeatGrpc.Client.Tests.Infrastructure;

/// <summary><see cref="ScriptedSeatService"/> on Kestrel, cleartext HTTP/2 on 127.0.0.1 with a free port.</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ClientServices> _clients = [];

    private ScriptedServer(WebApplication app, ScriptedSeatService service, Uri address)
    {
        _app = app;
        Service = service;
        Address = address;
    }

    public ScriptedSeatService Service { get; }

    public Uri Address { get; }

    /// <summary>A calling service's client of this server, disposed with it.</summary>
    public SeatService.SeatServiceClient Connect(Action<SeatGrpcClientOptions>? configure = null)
    {
        var services = new ClientServices(Address, configure);
        _clients.Add(services);
        return services.Client;
    }

    public static async Task<ScriptedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var service = new ScriptedSeatService();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.MapGrpcService<ScriptedSeatService>();
        await app.StartAsync().WithTimeout();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ScriptedServer(app, service, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync().WithTimeout();
        await _app.DisposeAsync();
    }
}
