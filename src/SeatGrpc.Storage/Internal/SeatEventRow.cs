namespace SeatGrpc.Storage.Internal;

internal sealed class SeatEventRow
{
    public long PoolId { get; init; }

    public long Sequence { get; init; }

    /// <summary>The pool's tenant; written, not read back (events are read by pool).</summary>
    public string Tenant { get; init; } = "";

    public string Type { get; init; } = "";

    public string? SeatName { get; init; }

    public string? PreviousSeatName { get; init; }

    public string? Email { get; init; }

    public string? CustomerId { get; init; }

    public string? ExternalCustomerId { get; init; }

    public string? PreviousEmail { get; init; }

    public string? PreviousCustomerId { get; init; }

    public string? PreviousExternalCustomerId { get; init; }

    public long? TotalSeats { get; init; }

    public long Time { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The public id of the API key that made the change; null for changes made before keys existed.</summary>
    public string? KeyId { get; init; }
}
