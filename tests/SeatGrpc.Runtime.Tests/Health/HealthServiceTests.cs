using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Runtime.Health;
using SeatGrpc.Runtime.Tests.Fakes;
using SeatGrpc.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SeatGrpc.Runtime.Tests.Health;

/// <summary>grpc.health.v1.Health over a real Kestrel, with statuses the application sets.</summary>
public sealed class HealthServiceTests : IAsyncLifetime
{
    private const string EchoServiceName = "grpc.testing.echo.v1.EchoService";

    private KestrelTestHost _host = null!;

    private HealthServiceImpl Health => _host.Services.GetRequiredService<HealthServiceImpl>();

    public async Task InitializeAsync() =>
        _host = await KestrelTestHost.StartAsync(
            services => services.AddGrpcHealthChecks(),
            endpoints =>
            {
                endpoints.MapGrpcService<EchoServiceImpl>();
                endpoints.MapGrpcHealthChecksService();
            });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CheckServer_WithNoChecks_IsServing()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        var response = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WithTimeout();

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task CheckMappedService_WithNoChecks_IsServing()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        var response = await client.CheckAsync(new HealthCheckRequest { Service = EchoServiceName }).ResponseAsync.WithTimeout();

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task CheckNamedService_AfterSetStatus_ReturnsThatStatus()
    {
        Health.SetStatus("custom.v1.Thing", ServingStatus.NotServing);
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        var response = await client.CheckAsync(new HealthCheckRequest { Service = "custom.v1.Thing" }).ResponseAsync.WithTimeout();

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task CheckUnknownService_FailsWithNotFound()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        using var call = client.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CheckClearedService_FailsWithNotFound()
    {
        Health.SetStatus("custom.v1.Gone", ServingStatus.Serving);
        Health.ClearStatus("custom.v1.Gone");
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        using var call = client.CheckAsync(new HealthCheckRequest { Service = "custom.v1.Gone" });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CheckServer_AfterClearAll_FailsWithNotFound()
    {
        Health.SetStatus("custom.v1.One", ServingStatus.Serving);
        Health.ClearAll();
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        using var call = client.CheckAsync(new HealthCheckRequest { Service = "custom.v1.One" });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_SetStatusChanges_StreamsCurrentThenEachChange()
    {
        Health.SetStatus("custom.v1.Watched", ServingStatus.Serving);
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);
        using var cancel = new CancellationTokenSource();

        using var call = client.Watch(new HealthCheckRequest { Service = "custom.v1.Watched" }, cancellationToken: cancel.Token);
        var first = await NextStatus(call);
        Health.SetStatus("custom.v1.Watched", ServingStatus.NotServing);
        var second = await NextStatus(call);
        Health.SetStatus("custom.v1.Watched", ServingStatus.NotServing); // no change, nothing sent
        Health.SetStatus("custom.v1.Watched", ServingStatus.Serving);
        var third = await NextStatus(call);
        Health.ClearStatus("custom.v1.Watched");
        var fourth = await NextStatus(call);
        await cancel.CancelAsync();

        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing, ServingStatus.Serving, ServingStatus.ServiceUnknown], [first, second, third, fourth]);
    }

    [Fact]
    public async Task WatchUnknownService_SendsServiceUnknownThenTheStatusOnceSet()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);
        using var cancel = new CancellationTokenSource();

        using var call = client.Watch(new HealthCheckRequest { Service = "custom.v1.Later" }, cancellationToken: cancel.Token);
        var first = await NextStatus(call);
        Health.SetStatus("custom.v1.Later", ServingStatus.Serving);
        var second = await NextStatus(call);
        await cancel.CancelAsync();

        Assert.Equal(ServingStatus.ServiceUnknown, first);
        Assert.Equal(ServingStatus.Serving, second);
    }

    [Fact]
    public async Task Watch_ServerStops_EndsTheStreamAfterNotServing()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);

        using var call = client.Watch(new HealthCheckRequest());
        var first = await NextStatus(call);
        var stopping = _host.StopAsync();
        var statuses = new List<ServingStatus>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout())
        {
            statuses.Add(call.ResponseStream.Current.Status);
        }

        await stopping;

        Assert.Equal(ServingStatus.Serving, first);
        Assert.Equal([ServingStatus.NotServing], statuses);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Watch_ClientCancels_RemovesTheWatcher()
    {
        using var channel = _host.CreateChannel();
        var client = new Grpc.Health.V1.Health.HealthClient(channel);
        using var cancel = new CancellationTokenSource();
        using var call = client.Watch(new HealthCheckRequest { Service = "custom.v1.Cancelled" }, cancellationToken: cancel.Token);
        await NextStatus(call);

        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await WaitUntil(() => Health.WatcherCount == 0);
    }

    private static async Task<ServingStatus> NextStatus(AsyncServerStreamingCall<HealthCheckResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout(), "The Watch stream ended.");
        return call.ResponseStream.Current.Status;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(20);
        }
    }
}
