namespace SeatGrpc.Storage;

/// <summary>
/// The names under which SeatGrpc reports its own telemetry, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>:
/// spans around the database work of each call, and the seat metrics. Nothing is recorded while nothing listens.
/// </summary>
public static class SeatTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the storage spans.</summary>
    public const string ActivitySourceName = "SeatGrpc";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the seat metrics.</summary>
    public const string MeterName = "SeatGrpc";
}
