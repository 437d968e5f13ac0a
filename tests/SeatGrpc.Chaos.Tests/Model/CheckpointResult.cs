namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>What a checkpoint found: the violations, and how much it checked.</summary>
internal sealed record CheckpointResult(IReadOnlyList<string> Violations, int Calls, int Events);
