namespace SeatGrpc.Chaos.Tests.Faults;

/// <summary>What happens between two checkpoints of a run: a quiet wait, or a wait and a fault.</summary>
internal interface IFaultPlan
{
    /// <summary>Gets a value indicating whether the plan has run its course (its budget spent, its faults injected).</summary>
    bool Done { get; }

    /// <summary>Gets what the plan did so far, for the test output.</summary>
    string Summary { get; }

    /// <summary>Waits (while the workload runs) and injects the round's fault, if any; the servers are up again on return.</summary>
    Task RoundAsync(Random random, CancellationToken cancellationToken);
}
