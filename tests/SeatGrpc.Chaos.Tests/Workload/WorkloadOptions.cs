namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>How a workload runs.</summary>
internal sealed record WorkloadOptions
{
    /// <summary>Gets the number of concurrent clients.</summary>
    public int Clients { get; init; } = 16;

    /// <summary>Gets the number of pools the clients share.</summary>
    public int Pools { get; init; } = 3;

    /// <summary>Gets a value indicating whether some first attempts get a deadline of a few milliseconds (then are retried).</summary>
    public bool ShortDeadlines { get; init; } = true;

    /// <summary>Gets a value indicating whether every call is kept for the model check (the soak keeps none).</summary>
    public bool RecordHistory { get; init; } = true;

    /// <summary>Gets the calls per second of all clients together; 0 runs closed-loop, as fast as answers come.</summary>
    public double Rate { get; init; }

    /// <summary>Gets how long a call in doubt is retried (the server may be down that long) before it stays in doubt.</summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Gets the deadline of an ordinary attempt.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
