using SeatGrpc.Domain;

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

    /// <summary>
    /// An admin key of the tenant "default", stored on start unless it is already (--bootstrap-key). Without it, the first
    /// start of a database that has no key at all creates one and hands it to <see cref="BootstrapKeyCreated"/>.
    /// </summary>
    public string? BootstrapKey { get; set; }

    /// <summary>Shows the key created on first start, once (the host prints it on stdout); its secret is nowhere else.</summary>
    public Action<CreatedApiKey>? BootstrapKeyCreated { get; set; }

    /// <summary>
    /// How often each server polls the keys' version and reloads them when it moved: a key revoked or created elsewhere
    /// (another replica, the keys command) takes effect here within this interval plus one reload.
    /// </summary>
    public TimeSpan ApiKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
