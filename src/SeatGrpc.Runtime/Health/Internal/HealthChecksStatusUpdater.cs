using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SeatGrpc.Runtime.Health.Internal;

/// <summary>
/// Turns health check reports into the statuses of <see cref="HealthServiceImpl"/>: from the periodic publisher,
/// and on demand when a call finds the last results too old. Concurrent on-demand callers share one run.
/// </summary>
internal sealed class HealthChecksStatusUpdater
{
    private readonly HealthServiceImpl _health;
    private readonly HealthCheckService _healthChecks;
    private readonly GrpcHealthChecksOptions _options;
    private readonly GrpcMethodCatalog? _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<HealthChecksStatusUpdater> _logger;
    private readonly Lock _lock = new();
    private long _lastUpdate = long.MinValue;
    private Task? _running;

    public HealthChecksStatusUpdater(
        HealthServiceImpl health,
        HealthCheckService healthChecks,
        IOptions<GrpcHealthChecksOptions> options,
        IServiceProvider services,
        ILogger<HealthChecksStatusUpdater> logger)
    {
        _health = health;
        _healthChecks = healthChecks;
        _options = options.Value;
        _catalog = services.GetService(typeof(GrpcMethodCatalog)) as GrpcMethodCatalog;
        _time = services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        _logger = logger;
    }

    /// <summary>
    /// Runs the checks unless the options ask for cached results or the last ones are recent enough. The common
    /// case, recent results, takes no lock and allocates nothing: one clock read against the last update's time.
    /// </summary>
    public Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        if (_options.UseHealthChecksCache || IsFresh(Volatile.Read(ref _lastUpdate)))
        {
            return Task.CompletedTask;
        }

        Task running;
        lock (_lock)
        {
            if (IsFresh(_lastUpdate))
            {
                return Task.CompletedTask;
            }

            // A caller that gives up must not cancel the run the others wait for.
            running = _running is { IsCompleted: false } ? _running : _running = RunAsync();
        }

        return running.WaitAsync(cancellationToken);
    }

    /// <summary>Sets every mapped service's status from a report.</summary>
    public void Update(HealthReport report)
    {
        var results = report.Entries
            .Select(entry => new HealthResult(entry.Key, entry.Value.Tags, entry.Value.Status, entry.Value.Description))
            .ToList();

        foreach (var mapping in _options.Services)
        {
            SetStatus(mapping.Name, Evaluate(results, mapping.Predicate));
        }

        if (_options.IncludeMappedServices && _catalog is not null)
        {
            var overall = Evaluate(results, _ => true);
            foreach (var service in _catalog.Methods.Select(method => method.Method.ServiceName).Distinct(StringComparer.Ordinal))
            {
                if (!_options.Services.Contains(service))
                {
                    SetStatus(service, overall);
                }
            }
        }

        Volatile.Write(ref _lastUpdate, _time.GetTimestamp());
    }

    private bool IsFresh(long lastUpdate) =>
        lastUpdate != long.MinValue && _time.GetElapsedTime(lastUpdate) < _options.MaxResultAge;

    private async Task RunAsync()
    {
        var report = await _healthChecks.CheckHealthAsync(CancellationToken.None).ConfigureAwait(false);
        Update(report);
    }

    private static ServingStatus Evaluate(List<HealthResult> results, Func<HealthResult, bool> predicate) =>
        results.Any(result => result.Status == HealthStatus.Unhealthy && predicate(result))
            ? ServingStatus.NotServing
            : ServingStatus.Serving;

    private void SetStatus(string service, ServingStatus status)
    {
        var known = _health.TryGetStatus(service, out var previous);
        _health.SetStatus(service, status);
        if (known && previous != status)
        {
            HealthLog.StatusChanged(_logger, service.Length == 0 ? "(server)" : service, previous, status);
        }
    }
}
