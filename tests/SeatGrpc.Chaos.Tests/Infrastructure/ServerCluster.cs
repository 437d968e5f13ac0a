namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>The server processes of a run: one on a SQLite file, or several replicas on one PostgreSQL database.</summary>
internal sealed class ServerCluster : IAsyncDisposable
{
    private readonly TempDirectory? _directory;

    private ServerCluster(IReadOnlyList<Replica> replicas, TempDirectory? directory)
    {
        Replicas = replicas;
        _directory = directory;
    }

    public IReadOnlyList<Replica> Replicas { get; }

    /// <summary>Gets the SQLite file, for a cluster on SQLite.</summary>
    public string? SqlitePath => _directory is null ? null : Path.Combine(_directory.Path, "seats.db");

    /// <summary>Starts one server on a new SQLite file.</summary>
    public static async Task<ServerCluster> StartSqliteAsync()
    {
        var directory = new TempDirectory("seatgrpc-chaos");
        var path = Path.Combine(directory.Path, "seats.db");
        var cluster = new ServerCluster([new Replica("sqlite", ["--grpc-port", "0", "--rest-port", "0", "--sqlite", path])], directory);
        await cluster.StartAllAsync().ConfigureAwait(false);
        return cluster;
    }

    /// <summary>Starts <paramref name="count"/> replicas on one PostgreSQL database (one after the other: the first migrates).</summary>
    public static async Task<ServerCluster> StartPostgresAsync(string connectionString, int count)
    {
        var replicas = Enumerable.Range(0, count)
            .Select(i => new Replica($"pg-{i}", ["--grpc-port", "0", "--rest-port", "0", "--postgres", connectionString]))
            .ToList();
        var cluster = new ServerCluster(replicas, null);
        await cluster.StartAllAsync().ConfigureAwait(false);
        return cluster;
    }

    /// <summary>A running replica (waiting while all are down), picked with <paramref name="choice"/>.</summary>
    public async Task<ServerEndpoint> PickAsync(int choice, CancellationToken cancellationToken)
    {
        var first = Replicas[(int)((uint)choice % (uint)Replicas.Count)];
        if (first.Current is { } endpoint)
        {
            return endpoint;
        }

        foreach (var replica in Replicas)
        {
            if (replica.Current is { } other)
            {
                return other;
            }
        }

        return await first.WaitUpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the server output lines logged at Error or Critical, over every process of the run.</summary>
    public IReadOnlyList<string> ErrorLogLines() =>
        [.. Replicas.SelectMany(r => r.AllOutput).Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync().ConfigureAwait(false);
        }

        _directory?.Dispose();
    }

    private async Task StartAllAsync()
    {
        try
        {
            foreach (var replica in Replicas)
            {
                await replica.StartAsync().ConfigureAwait(false);
            }
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
