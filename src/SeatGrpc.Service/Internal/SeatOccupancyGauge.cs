using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeatGrpc.Domain;
using SeatGrpc.Storage;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// The gauges <c>seatgrpc.seats.total</c> and <c>seatgrpc.seats.occupied</c>: the seats of all pools together, one
/// figure each, so their cardinality cannot grow with the pools. A gauge is read synchronously by the exporter, so the
/// figures come from one cheap aggregate query every <see cref="RefreshPeriod"/> rather than from the read itself.
/// </summary>
internal sealed partial class SeatOccupancyGauge : BackgroundService
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(5);

    private readonly SeatStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private SeatTotals? _latest;

    public SeatOccupancyGauge(SeatStore store, IMeterFactory meters, TimeProvider time, ILogger<SeatOccupancyGauge> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        var meter = meters.Create(SeatTelemetry.MeterName);
        meter.CreateObservableGauge("seatgrpc.seats.total", () => Observe(static t => t.TotalSeats), "{seat}", "Seats of all pools together.");
        meter.CreateObservableGauge("seatgrpc.seats.occupied", () => Observe(static t => t.OccupiedSeats), "{seat}", "Pending and claimed seats of all pools together.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshPeriod, _time);
        do
        {
            try
            {
                Volatile.Write(ref _latest, await _store.Allocator.CountSeatsAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The gauges keep their last figures (or none) until the database answers again.
                RefreshFailed(_logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private IEnumerable<Measurement<long>> Observe(Func<SeatTotals, long> figure) =>
        Volatile.Read(ref _latest) is { } latest ? [new Measurement<long>(figure(latest))] : [];

    [LoggerMessage(EventId = 250, Level = LogLevel.Warning, Message = "Cannot read the seat totals for the seat gauges")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
