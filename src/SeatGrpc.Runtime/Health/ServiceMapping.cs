namespace SeatGrpc.Runtime.Health;

/// <summary>A gRPC service name and the health check results that decide its status.</summary>
/// <param name="Name">The fully qualified service name, or "" for the whole server.</param>
/// <param name="Predicate">Selects the results that count for this service.</param>
public sealed record ServiceMapping(string Name, Func<HealthResult, bool> Predicate);
