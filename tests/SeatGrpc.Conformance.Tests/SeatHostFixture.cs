using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeatGrpc.Service;
using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// The real seats.v1.SeatService (AddSeatService, a temporary SQLite file) with health and reflection, composed the
/// way the host composes them, on 127.0.0.1:0. SeatGrpcApp.Build does not map the seat service yet (branch service
/// wires it); once it does, this fixture can start SeatGrpcApp.Build with ports 0 instead.
/// </summary>
public sealed class SeatHostFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("seatgrpc-conformance-host-").FullName;
    private WebApplication? _app;

    /// <summary>Gets the base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSeatService(options =>
        {
            options.SqlitePath = Path.Combine(_directory, "seats.db");
            options.BootstrapKey = TestKeys.Admin;
        });
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();

        _app = builder.Build();
        _app.MapGrpcService<SeatGrpcService>();
        _app.MapGrpcHealthChecksService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token).WithTimeout();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the temp cleaner.
        }
    }
}
