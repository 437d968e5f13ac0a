using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Infrastructure;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>
/// Creates a run's pools (recorded calls, like every other change), starts the clients and stops them: a stop lets
/// each client finish its step, retries included, so every call ends with a definite answer where the server allows.
/// </summary>
internal sealed class WorkloadRunner
{
    private readonly int _seed;
    private readonly List<Task> _clients = [];
    private volatile bool _stopping;

    public WorkloadRunner(ServerCluster cluster, WorkloadOptions options, int seed, IAttemptListener? listener = null)
    {
        _seed = seed;
        var random = new Random(seed);
        var run = RequestIds.Next(random)[..8];

        // Both resource patterns of a pool: subscriptions and orders.
        var pools = Enumerable.Range(0, options.Pools)
            .Select(i => i % 3 == 2 ? $"orders/chaos-{run}-{i}" : $"subscriptions/chaos-{run}-{i}")
            .ToList();
        Context = new WorkloadContext(cluster, options, new History(options.RecordHistory), new Knowledge(), new CheckpointGate(), pools, listener);
    }

    public WorkloadContext Context { get; }

    public History History => Context.History;

    /// <summary>Creates each pool with 2 to 5 seats (the checker's calls, client -1).</summary>
    public async Task CreatePoolsAsync(CancellationToken cancellationToken)
    {
        var random = new Random(_seed ^ 0x5EA7);
        foreach (var pool in Context.Pools)
        {
            var request = new UpsertSeatPoolRequest
            {
                Pool = new SeatPool { Name = pool, TotalSeats = 2 + random.Next(4), CustomerId = "cus_owner" },
                RequestId = RequestIds.Next(random),
            };
            var record = History.Begin(-1, CallKind.Resize, pool, request.RequestId, request);
            var outcome = await CheckerCalls.UpsertAsync(Context, record, request, cancellationToken).ConfigureAwait(false);
            if (!outcome.IsOk)
            {
                throw new InvalidOperationException($"Creating {pool} failed: {outcome.Describe()}");
            }
        }
    }

    public void Start(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Context.Options.Clients; i++)
        {
            var client = new ChaosClient(i, _seed, Context);
            _clients.Add(Task.Run(() => client.RunAsync(() => _stopping, cancellationToken), cancellationToken));
        }
    }

    /// <summary>Lets every client finish its step and waits for all of them.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_clients).ConfigureAwait(false);
    }
}
