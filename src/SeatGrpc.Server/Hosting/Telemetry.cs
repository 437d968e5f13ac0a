using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SeatGrpc.Storage;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// OpenTelemetry over OTLP, off unless the standard variables ask for it: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
/// <c>OTEL_SERVICE_NAME</c> turns it on (and <c>OTEL_SDK_DISABLED=true</c> keeps it off). Off, nothing is registered, so the
/// hot path has no listener: no request Activity, no metric recorded. On, it exports
/// <list type="bullet">
/// <item>traces: a server span per call but health checks (ASP.NET Core, continuing an incoming <c>traceparent</c>, with gRPC's
/// <c>grpc.method</c> and <c>grpc.status_code</c>), and under it our storage spans (source "SeatGrpc", with the statement
/// count) and, on PostgreSQL, Npgsql's command spans;</item>
/// <item>metrics: ASP.NET Core's and Kestrel's meters (request durations by route, which for gRPC is the method, and by
/// gRPC status (<see cref="GrpcStatusMetricTag"/>); connections) and the "SeatGrpc" meter (seats assigned, claimed and revoked, batch sizes, contention retries,
/// group-commit sizes, and the total and occupied seat gauges).</item>
/// </list>
/// Every other OTEL_* variable (protocol, headers, sampler, export intervals) is the SDK's own.
/// </summary>
internal static class Telemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    public const string DisabledVariable = "OTEL_SDK_DISABLED";

    /// <summary>The service name when only the endpoint is set.</summary>
    public const string DefaultServiceName = "seatgrpc";

    /// <summary>Health checks, polled every few seconds by every load balancer: measured, but not traced.</summary>
    private static readonly PathString HealthService = "/grpc.health.v1.Health";

    /// <summary>Npgsql's own source: one span per PostgreSQL command, under our storage spans.</summary>
    private const string NpgsqlSource = "Npgsql";

    public static void AddSeatGrpcTelemetry(this WebApplicationBuilder builder, Func<string, string?> environment)
    {
        var endpoint = environment(EndpointVariable);
        var serviceName = environment(ServiceNameVariable);
        var disabled = string.Equals(environment(DisabledVariable), "true", StringComparison.OrdinalIgnoreCase);
        if (disabled || (string.IsNullOrEmpty(endpoint) && string.IsNullOrEmpty(serviceName)))
        {
            return;
        }

        // The SDK reads its settings from configuration; these come from the same lookup that turned it on.
        builder.Configuration.AddInMemoryCollection(
            new[] { (EndpointVariable, endpoint), (ServiceNameVariable, serviceName) }
                .Where(static setting => !string.IsNullOrEmpty(setting.Item2))
                .Select(static setting => KeyValuePair.Create(setting.Item1, setting.Item2)));

        var version = typeof(Telemetry).Assembly.GetName().Version?.ToString();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(string.IsNullOrEmpty(serviceName) ? DefaultServiceName : serviceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = static context => !context.Request.Path.StartsWithSegments(HealthService))
                .AddSource(SeatTelemetry.ActivitySourceName, NpgsqlSource)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(SeatTelemetry.MeterName)
                .AddOtlpExporter());
        builder.Services.AddSeatOccupancyMetrics();
        builder.Services.AddSingleton<GrpcStatusMetricTag>();
        builder.Services.AddTransient<IStartupFilter, GrpcStatusMetricTag.StartupFilter>();
    }
}
