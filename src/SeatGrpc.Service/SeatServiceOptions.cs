namespace SeatGrpc.Service;

/// <summary>Settings of the seat service and its embedded store.</summary>
public sealed class SeatServiceOptions
{
    /// <summary>The SQLite database file; relative paths resolve against the working directory.</summary>
    public string SqlitePath { get; set; } = "seats.db";

    /// <summary>A PostgreSQL connection string; when set it replaces SQLite, for several replicas sharing one database.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>How long a statement waits for a lock held by another process; null for the store's default (30 s).</summary>
    public TimeSpan? BusyTimeout { get; set; }

    /// <summary>How long an invitation token works; null for the default (7 days).</summary>
    public TimeSpan? InvitationLifetime { get; set; }

    /// <summary>How long request ids are kept at least; null for the default (24 hours).</summary>
    public TimeSpan? IdempotencyRetention { get; set; }

    /// <summary>How many ManageSeats batches one stream reads ahead of the one being applied.</summary>
    public int ManageSeatsPipelineDepth { get; set; } = 32;
}
