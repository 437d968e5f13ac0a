namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>What a checkpoint found: the violations, how much it checked, and how the calls in doubt turned out.</summary>
internal sealed record CheckpointResult(IReadOnlyList<string> Violations, int Calls, int Events, string InDoubt);
