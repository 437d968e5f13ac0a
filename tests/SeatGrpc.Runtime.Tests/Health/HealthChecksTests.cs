using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SeatGrpc.Runtime.Tests.Fakes;
using SeatGrpc.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SeatGrpc.Runtime.Tests.Health;

/// <summary>Registered <see cref="IHealthCheck"/>s drive the gRPC statuses: on demand for Check, periodically for Watch.</summary>
public sealed class HealthChecksTests : IAsyncLifetime
{
    private const string EchoServiceName = "grpc.testing.echo.v1.EchoService";

    private readonly SwitchHealthCheck _database = new();
    private readonly SwitchHealthCheck _cache = new();
    private KestrelTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await KestrelTestHost.StartAsync(
            services =>
            {
                services.AddGrpcHealthChecks(options =>
                    {
                        options.Services.Map("custom.v1.Cached", result => result.Tags.Contains("cache"));
                        options.MaxResultAge = TimeSpan.Zero;
                    })
                    .AddCheck("database", _database, tags: ["db"])
                    .AddCheck("cache", _cache, tags: ["cache"]);
                services.Configure<HealthCheckPublisherOptions>(publisher => publisher.Period = TimeSpan.FromSeconds(1));
            },
            endpoints =>
            {
                endpoints.MapGrpcService<EchoServiceImpl>();
                endpoints.MapGrpcHealthChecksService();
            });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Check_DatabaseCheckTurnsUnhealthy_ServerIsNotServing()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);
        var before = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WithTimeout();

        _database.Healthy = false;
        var after = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WithTimeout();
        var service = await client.CheckAsync(new HealthCheckRequest { Service = EchoServiceName }).ResponseAsync.WithTimeout();

        Assert.Equal(ServingStatus.Serving, before.Status);
        Assert.Equal(ServingStatus.NotServing, after.Status);
        Assert.Equal(ServingStatus.NotServing, service.Status);
    }

    [Fact]
    public async Task Check_MappedServiceWithOtherTag_IgnoresTheDatabaseCheck()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        _database.Healthy = false;
        var cached = await client.CheckAsync(new HealthCheckRequest { Service = "custom.v1.Cached" }).ResponseAsync.WithTimeout();
        _cache.Healthy = false;
        var cachedDown = await client.CheckAsync(new HealthCheckRequest { Service = "custom.v1.Cached" }).ResponseAsync.WithTimeout();

        Assert.Equal(ServingStatus.Serving, cached.Status);
        Assert.Equal(ServingStatus.NotServing, cachedDown.Status);
    }

    [Fact]
    public async Task Watch_DatabaseCheckFailsThenRecovers_PublisherPushesBothChanges()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);
        using var cancel = new CancellationTokenSource();
        using var call = client.Watch(new HealthCheckRequest(), cancellationToken: cancel.Token);
        var first = await NextStatus(call);

        // No call asks: only the periodic publisher can notice.
        _database.Healthy = false;
        var second = await NextStatus(call);
        _database.Healthy = true;
        var third = await NextStatus(call);
        await cancel.CancelAsync();

        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing, ServingStatus.Serving], [first, second, third]);
    }

    private static async Task<ServingStatus> NextStatus(AsyncServerStreamingCall<HealthCheckResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout(), "The Watch stream ended.");
        return call.ResponseStream.Current.Status;
    }

    private sealed class SwitchHealthCheck : IHealthCheck
    {
        public volatile bool Healthy = true;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("switched off"));
    }
}
