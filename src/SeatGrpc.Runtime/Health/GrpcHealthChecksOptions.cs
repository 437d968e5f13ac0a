namespace SeatGrpc.Runtime.Health;

/// <summary>
/// How the results of the registered <c>IHealthCheck</c>s become gRPC health statuses (the same role as
/// Grpc.AspNetCore.HealthChecks' options). A matching check that is Unhealthy makes the service NOT_SERVING;
/// Healthy and Degraded count as SERVING, and so does a service that no check matches.
/// </summary>
public sealed class GrpcHealthChecksOptions
{
    /// <summary>Gets the services whose status the health checks drive; by default "" (the whole server) with every check.</summary>
    public ServiceMappingCollection Services { get; } = new ServiceMappingCollection().Map(string.Empty, _ => true);

    /// <summary>
    /// Gets or sets a value indicating whether every service mapped with <c>MapGrpcService</c> that has no mapping of
    /// its own in <see cref="Services"/> follows every check, as "" does. Default: true.
    /// </summary>
    public bool IncludeMappedServices { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether Check and the first message of Watch answer from the periodic results
    /// only. When false (the default), they first run the checks if the last results are older than
    /// <see cref="MaxResultAge"/>, so a failure shows at once rather than at the next period.
    /// </summary>
    public bool UseHealthChecksCache { get; set; }

    /// <summary>Gets or sets how old results may be before a call runs the checks again. Default: one second.</summary>
    public TimeSpan MaxResultAge { get; set; } = TimeSpan.FromSeconds(1);
}
