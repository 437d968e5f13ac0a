using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SeatGrpc.Service.Tests;

public sealed class HealthTests : IClassFixture<SeatServer>
{
    private readonly SeatServer _server;

    public HealthTests(SeatServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task DatabaseHealthCheck_OpenDatabase_Healthy()
    {
        var health = _server.App.Services.GetRequiredService<HealthCheckService>();

        var report = await health.CheckHealthAsync().WithTimeout();

        Assert.Equal(HealthStatus.Healthy, report.Entries[SeatDatabaseHealthCheck.Name].Status);
    }

    [Fact]
    public async Task DatabaseHealthCheck_StoreNotOpen_Unhealthy()
    {
        var options = new SeatServiceOptions { SqlitePath = Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db") };
        var store = new Internal.SeatStore(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var check = new SeatDatabaseHealthCheck(store);

        var result = await check.CheckHealthAsync(new HealthCheckContext()).WithTimeout();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
