namespace SeatGrpc.Server.Hosting;

/// <summary>The host's settings, bound from the "SeatGrpc" configuration section.</summary>
public sealed record SeatGrpcSettings
{
    public const string Section = "SeatGrpc";

    /// <summary>The address both ports listen on.</summary>
    public string Listen { get; init; } = "127.0.0.1";

    /// <summary>The gRPC port (HTTP/2 only, so cleartext clients can use prior knowledge); 0 picks a free port.</summary>
    public int GrpcPort { get; init; } = 5000;

    /// <summary>The REST port (HTTP/1.1 and HTTP/2); 0 picks a free port.</summary>
    public int RestPort { get; init; } = 5001;

    /// <summary>The embedded SQLite database file.</summary>
    public string Sqlite { get; init; } = "seats.db";

    /// <summary>A PostgreSQL connection string; when set it replaces SQLite.</summary>
    public string? Postgres { get; init; }

    /// <summary>
    /// An admin API key of the tenant "default", stored on start unless it is already; when unset, the first start of a
    /// database without any key creates one and prints it once.
    /// </summary>
    public string? BootstrapKey { get; init; }

    /// <summary>Whether gRPC reflection needs a key with <c>seats:read</c>; by default it needs none (it shows no tenant data).</summary>
    public bool ReflectionRequiresKey { get; init; }

    /// <summary>
    /// How many unary calls run at once; more wait in a queue. Bounds the work, and so the memory, that callers can put
    /// in flight (each HTTP/2 connection may carry 100 streams, and a client may open many connections).
    /// </summary>
    public int MaxConcurrentCalls { get; init; } = 256;

    /// <summary>How many unary calls may wait for one of those places; beyond that a call is refused UNAVAILABLE OVERLOADED.</summary>
    public int MaxQueuedCalls { get; init; } = 256;

    /// <summary>How long an invitation token works after AssignSeat or ResendInvitation.</summary>
    public TimeSpan InvitationLifetime { get; init; } = TimeSpan.FromDays(7);
}
