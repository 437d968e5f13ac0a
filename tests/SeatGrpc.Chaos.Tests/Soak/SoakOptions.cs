namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>How a soak runs: its length, its steady load, how often it samples and reports.</summary>
internal sealed record SoakOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets the calls per second of all clients together (open loop: the rate holds whatever the latency).</summary>
    public double Rate { get; init; } = 200;

    public int Clients { get; init; } = 16;

    public int Seed { get; init; } = 1;

    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the length of the first and the last window whose latencies are compared: a minute, or a quarter of a short run.</summary>
    public TimeSpan Window => Duration >= TimeSpan.FromMinutes(4) ? TimeSpan.FromMinutes(1) : Duration / 4;

    /// <summary>Gets the start-up stretch left out of the resource slopes (JIT, pools and caches filling).</summary>
    public TimeSpan WarmUp => Duration >= TimeSpan.FromMinutes(5) ? TimeSpan.FromSeconds(30) : Duration / 10;
}
