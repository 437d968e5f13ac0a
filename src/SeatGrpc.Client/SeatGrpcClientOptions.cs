namespace SeatGrpc.Client;

/// <summary>How <c>AddSeatGrpcClient</c> reaches SeatGrpc and how patient its calls are.</summary>
public sealed class SeatGrpcClientOptions
{
    /// <summary>The server's gRPC address, e.g. <c>http://seatgrpc:5000</c> (cleartext HTTP/2) or an https address.</summary>
    public Uri? Address { get; set; }

    /// <summary>The API key sent as <c>authorization: Bearer {key}</c> on every call; null sends none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The deadline of a unary call that sets none itself. Streams get none: they are meant to stay open.</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per unary call, the first included (at most 5 unless the channel's MaxRetryAttempts is raised).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry waits up to this long (randomly, as gRPC's retry policy does); later ones grow by 2 each.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait before a retry.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether a unary call made while the server cannot be reached (restarting, say) waits for it, up to the call's
    /// deadline, instead of failing at once with UNAVAILABLE. Nothing is sent before the connection is up, so waiting
    /// never duplicates a write.
    /// </summary>
    public bool WaitForReady { get; set; } = true;
}
