using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SeatGrpc.Runtime.Health;

/// <summary>One health check's latest result, as a <see cref="ServiceMapping"/> predicate sees it.</summary>
/// <param name="Name">The name the check was registered with.</param>
/// <param name="Tags">The check's tags.</param>
/// <param name="Status">The check's status.</param>
/// <param name="Description">The check's description, if any.</param>
public sealed record HealthResult(string Name, IEnumerable<string> Tags, HealthStatus Status, string? Description);
