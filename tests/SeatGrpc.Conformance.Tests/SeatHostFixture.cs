using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Server.Hosting;
using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>The real host (SeatGrpcApp.Build) on free ports with a temporary SQLite file: what buf curl calls.</summary>
public sealed class SeatHostFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("seatgrpc-conformance-host-").FullName;
    private WebApplication? _app;

    /// <summary>Gets the gRPC base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _app = SeatGrpcApp.Build(["--grpc-port", "0", "--rest-port", "0", "--sqlite", Path.Combine(_directory, "seats.db"), "--bootstrap-key", TestKeys.Admin]);
        await _app.StartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        BaseUrl = _app.Services.GetRequiredService<ListeningPorts>().GrpcUri.ToString().TrimEnd('/');
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
