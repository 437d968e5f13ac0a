namespace SeatGrpc.Bench;

/// <summary>A mistake in the command line or a precondition the user can fix; printed without a stack trace.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
