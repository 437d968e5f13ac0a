using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SeatGrpc.Server.Hosting;

namespace SeatGrpc.Server.Tests;

/// <summary>
/// The host in-process (<see cref="SeatGrpcApp"/>) with the given environment, its own SQLite file and port 0, and
/// in-memory exporters added to whatever OpenTelemetry providers the host registered itself, and any services a test adds.
/// </summary>
internal sealed class TelemetryHost : IAsyncDisposable
{
    private readonly TempDatabase _database;
    private readonly GrpcChannel _channel;

    private TelemetryHost(TempDatabase database, WebApplication app, LockedCollection<Activity> spans, LockedCollection<MetricSnapshot> metrics)
    {
        _database = database;
        App = app;
        Spans = spans;
        Metrics = metrics;
        _channel = TestKeys.Channel(app.Services.GetRequiredService<ListeningPorts>().GrpcUri);
        Client = new SeatService.SeatServiceClient(_channel);
    }

    public WebApplication App { get; }

    public SeatService.SeatServiceClient Client { get; }

    public GrpcChannel Channel => _channel;

    /// <summary>Every span ended so far.</summary>
    public LockedCollection<Activity> Spans { get; }

    /// <summary>Every metric exported by <see cref="FlushMetrics"/> so far.</summary>
    public LockedCollection<MetricSnapshot> Metrics { get; }

    public static async Task<TelemetryHost> StartAsync(IReadOnlyDictionary<string, string> environment, Action<IServiceCollection>? services = null)
    {
        var spans = new LockedCollection<Activity>();
        var metrics = new LockedCollection<MetricSnapshot>();
        var database = new TempDatabase();
        var app = SeatGrpcApp.Build(
            ["--grpc-port", "0", "--rest-port", "0", "--sqlite", database.Path, "--bootstrap-key", TestKeys.Admin],
            name => environment.GetValueOrDefault(name),
            AppContext.BaseDirectory,
            collection =>
            {
                collection
                    .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                    .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
                services?.Invoke(collection);
            });
        await app.StartAsync().WithTimeout();
        return new TelemetryHost(database, app, spans, metrics);
    }

    /// <summary>Collects every instrument now; the snapshots land in <see cref="Metrics"/>.</summary>
    public void FlushMetrics()
    {
        Metrics.Clear();
        // False when any exporter failed, which the OTLP one does (its endpoint is closed); the in-memory one has exported.
        App.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await App.StopAsync().WithTimeout();
        await App.DisposeAsync();
        _database.Dispose();
    }
}
