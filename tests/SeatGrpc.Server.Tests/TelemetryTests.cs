using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace SeatGrpc.Server.Tests;

/// <summary>Runs alone: the seat meter and the storage spans are process-wide, and other in-process hosts would add to them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryRunsAlone
{
    public const string Name = "Telemetry";
}

/// <summary>
/// OpenTelemetry in the host: off without the OTEL_* variables; on, the spans of a scripted session (the server span
/// continuing the caller's traceparent, the storage span under it) and its metrics (ASP.NET Core's, and the seat meter).
/// </summary>
[Collection(TelemetryRunsAlone.Name)]
public sealed class TelemetryTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    // The endpoint is a closed port: the OTLP exporter's attempts fail quietly; the in-memory exporters see everything.
    private static readonly Dictionary<string, string> TelemetryOn = new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
        ["OTEL_SERVICE_NAME"] = "seatgrpc-test",
    };

    private readonly ITestOutputHelper _output;

    public TelemetryTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task NoOtelVariables_NothingRegistered()
    {
        await using var host = await TelemetryHost.StartAsync(new Dictionary<string, string>());

        await host.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/off", TotalSeats = 1 } }).ResponseAsync.WithTimeout();

        Assert.Null(host.App.Services.GetService<TracerProvider>());
        Assert.Null(host.App.Services.GetService<MeterProvider>());
        Assert.Empty(host.Spans);
    }

    [Fact]
    public async Task SdkDisabled_NothingRegistered()
    {
        await using var host = await TelemetryHost.StartAsync(new Dictionary<string, string>(TelemetryOn) { ["OTEL_SDK_DISABLED"] = "true" });

        Assert.Null(host.App.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AssignSeatWithTraceparent_ServerSpanContinuesItWithStorageSpanBelow()
    {
        await using var host = await TelemetryHost.StartAsync(TelemetryOn);
        await host.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = "subscriptions/traced", TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        var traceparent = new Metadata { { "traceparent", $"00-{TraceId}-{CallerSpanId}-01" } };

        // As SeatGrpc.Client sends it: with a request id, which the write records in the same transaction.
        var assign = new AssignSeatRequest { Parent = "subscriptions/traced", Email = "a@example.com", RequestId = Guid.NewGuid().ToString() };
        await host.Client.AssignSeatAsync(assign, traceparent).ResponseAsync.WithTimeout();
        await new Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest()).ResponseAsync.WithTimeout();
        await host.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = "subscriptions/traced" }).ResponseAsync.WithTimeout();

        var server = await SpanAsync(host, s => s.Kind == ActivityKind.Server && Tag(s, "grpc.method") == "/seats.v1.SeatService/AssignSeat");
        Assert.Equal(TraceId, server.TraceId.ToHexString());
        Assert.Equal(CallerSpanId, server.ParentSpanId.ToHexString());
        Assert.Equal("0", Tag(server, "grpc.status_code"));
        var storage = await SpanAsync(host, s => s.Source.Name == "SeatGrpc" && s.ParentSpanId == server.SpanId);
        Assert.Equal("seatgrpc.db.write", storage.DisplayName);
        Assert.Equal(TraceId, storage.TraceId.ToHexString());
        Assert.Equal("sqlite", Tag(storage, "db.system.name"));
        Assert.True(int.Parse(Tag(storage, "seatgrpc.db.statements")!, System.Globalization.CultureInfo.InvariantCulture) >= 5);

        var read = await SpanAsync(host, s => s.Kind == ActivityKind.Server && Tag(s, "grpc.method") == "/seats.v1.SeatService/GetSeatPool");
        Assert.NotEqual(TraceId, read.TraceId.ToHexString());
        var query = await SpanAsync(host, s => s.Source.Name == "SeatGrpc" && s.ParentSpanId == read.SpanId);
        Assert.Equal("seatgrpc.db.query", query.DisplayName);
        Assert.Equal("1", Tag(query, "seatgrpc.db.statements"));

        // Health checks are not traced (load balancers poll them); database work outside a call (start-up, the health check's probe every second) records no span.
        Assert.DoesNotContain(host.Spans, s => Tag(s, "url.path") == "/grpc.health.v1.Health/Check");
        Assert.All(host.Spans.Where(s => s.Source.Name == "SeatGrpc"), s => Assert.NotEqual(default, s.ParentSpanId));
        Dump(host.Spans.Where(s => s.TraceId == server.TraceId));
    }

    [Fact]
    public async Task ScriptedSession_SeatMetricsAndPlatformMetrics()
    {
        await using var host = await TelemetryHost.StartAsync(TelemetryOn);
        var client = host.Client;
        const string Pool = "subscriptions/metered";
        await client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 3 } }).ResponseAsync.WithTimeout();
        var a = await client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "a@example.com" }).ResponseAsync.WithTimeout();
        var b = await client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "b@example.com" }).ResponseAsync.WithTimeout();
        await client.ClaimSeatAsync(new ClaimSeatRequest { InvitationToken = a.InvitationToken }).ResponseAsync.WithTimeout();
        await client.RevokeSeatAsync(new RevokeSeatRequest { Name = b.Seat.Name }).ResponseAsync.WithTimeout();
        await Assert.ThrowsAsync<RpcException>(() => client.GetSeatAsync(new GetSeatRequest { Name = "seats/none" }).ResponseAsync.WithTimeout());
        await client.BatchManageSeatsAsync(new BatchManageSeatsRequest
        {
            Parent = Pool,
            Changes =
            {
                new Seats.V1.SeatChange { Assign = new Seats.V1.SeatChange.Types.Assign { Grantee = new Grantee { Email = "c@example.com" } } },
                new Seats.V1.SeatChange { Unassign = new Seats.V1.SeatChange.Types.Unassign { Grantee = new Grantee { Email = "a@example.com" } } },
            },
        }).ResponseAsync.WithTimeout();

        // The gauges are refreshed every few seconds: wait for figures that include the session (3 seats, c@ holds one).
        var gauges = await GaugesAsync(host, (3, 1));

        Assert.Equal((3, 1), gauges);
        Assert.Equal(3, Sum(host, "seatgrpc.seats.assigned"));
        Assert.Equal(3, Sum(host, "seatgrpc.seats.assigned", ("seatgrpc.change", "assign")));
        Assert.Equal(1, Sum(host, "seatgrpc.seats.claimed"));
        Assert.Equal(2, Sum(host, "seatgrpc.seats.revoked"));
        Assert.Equal(1, Sum(host, "seatgrpc.seats.revoked", ("seatgrpc.change", "unassign")));
        Assert.Equal((1, 2), Histogram(host, "seatgrpc.batch.size"));
        Assert.Equal(6, Histogram(host, "seatgrpc.group_commit.size").Sum);
        Assert.DoesNotContain(host.Metrics, m => m.Name == "seatgrpc.write.contention_retries");

        // ASP.NET Core's request durations, by route: for gRPC, the method.
        var durations = Assert.Single(host.Metrics, m => m.Name == "http.server.request.duration");
        Assert.Contains(durations.MetricPoints, p => TagOf(p, "http.route") == "/seats.v1.SeatService/AssignSeat" && TagOf(p, "rpc.grpc.status_code") == "0" && p.GetHistogramCount() == 2);
        Assert.Contains(durations.MetricPoints, p => TagOf(p, "http.route") == "/seats.v1.SeatService/GetSeat" && TagOf(p, "rpc.grpc.status_code") == "5");
        Assert.Contains(host.Metrics, m => m.Name == "kestrel.active_connections");
        _output.WriteLine(string.Join('\n', host.Metrics.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal)));
    }

    private static async Task<Activity> SpanAsync(TelemetryHost host, Func<Activity, bool> match)
    {
        // A server span ends just after its response is sent, so it can land a moment after the call returned.
        var deadline = DateTime.UtcNow + TaskTimeoutExtensions.DefaultTimeout;
        while (true)
        {
            if (host.Spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            Assert.True(DateTime.UtcNow < deadline, "No such span among:\n" + string.Join('\n', host.Spans.Select(s => s.DisplayName)));
            await Task.Delay(20);
        }
    }

    private static async Task<(long Total, long Occupied)> GaugesAsync(TelemetryHost host, (long, long) expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            host.FlushMetrics();
            var seen = (Gauge(host, "seatgrpc.seats.total"), Gauge(host, "seatgrpc.seats.occupied"));
            if (seen == expected || DateTime.UtcNow > deadline)
            {
                return seen;
            }

            await Task.Delay(200);
        }
    }

    private static long Gauge(TelemetryHost host, string name) =>
        host.Metrics.FirstOrDefault(m => m.Name == name)?.MetricPoints.Single().GetGaugeLastValueLong() ?? -1;

    private static long Sum(TelemetryHost host, string name, (string Key, string Value)? tag = null) =>
        host.Metrics.Where(m => m.Name == name)
            .SelectMany(m => m.MetricPoints)
            .Where(p => tag is not { } t || TagOf(p, t.Key) == t.Value)
            .Sum(p => p.GetSumLong());

    private static (long Count, double Sum) Histogram(TelemetryHost host, string name)
    {
        var point = host.Metrics.Single(m => m.Name == name).MetricPoints.Single();
        return (point.GetHistogramCount(), point.GetHistogramSum());
    }

    private static string? TagOf(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    private void Dump(IEnumerable<Activity> spans)
    {
        foreach (var span in spans.OrderBy(s => s.StartTimeUtc))
        {
            var tags = string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            _output.WriteLine($"{span.Source.Name} {span.Kind} '{span.DisplayName}' trace={span.TraceId} span={span.SpanId} parent={span.ParentSpanId} {span.Duration.TotalMilliseconds:0.000} ms {tags}");
        }
    }
}
