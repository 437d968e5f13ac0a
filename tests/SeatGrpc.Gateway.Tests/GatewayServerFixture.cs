using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeatGrpc.Gateway.Tests.Fakes;

namespace SeatGrpc.Gateway.Tests;

/// <summary>One real Kestrel on 127.0.0.1:0 (HTTP/1.1) serving the fake test service through the gateway.</summary>
public sealed class GatewayServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcJsonGateway(options =>
        {
            options.MaxRequestBodySize = 64 * 1024;
            options.OpenApiTitle = "Gateway tests";
            options.SourceInfoDescriptorSets.Add(TestDescriptors.GatewayTestDescriptorSet());
        });
        _app = builder.Build();
        _app.MapGrpcService<FakeTestService>();
        _app.MapGrpcJsonGateway();
        await _app.StartAsync().WaitAsync(Timeout);

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(Timeout);
            await _app.DisposeAsync();
        }
    }
}
