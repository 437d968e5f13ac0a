using SeatGrpc.Chaos.Tests.Infrastructure;

namespace SeatGrpc.Chaos.Tests.Faults;

/// <summary>
/// SIGKILL at a random moment (drawn from the seed) of a random replica, then a restart of it on the same database; as
/// many kills as asked. With one replica every call in flight breaks; with several, the others keep serving.
/// </summary>
internal sealed class KillRestart : IFaultPlan
{
    private readonly ServerCluster _cluster;
    private readonly int _kills;
    private readonly TimeSpan _minimumGap;
    private readonly TimeSpan _maximumGap;
    private int _done;
    private TimeSpan _down;

    public KillRestart(ServerCluster cluster, int kills, TimeSpan minimumGap, TimeSpan maximumGap)
    {
        _cluster = cluster;
        _kills = kills;
        _minimumGap = minimumGap;
        _maximumGap = maximumGap;
    }

    public bool Done => _done >= _kills;

    public string Summary => $"{_done} SIGKILLs and restarts ({_down.TotalSeconds:0.0} s down in all)";

    public async Task RoundAsync(Random random, CancellationToken cancellationToken)
    {
        var gap = _minimumGap + ((_maximumGap - _minimumGap) * random.NextDouble());
        var replica = _cluster.Replicas[random.Next(_cluster.Replicas.Count)];
        await Task.Delay(gap, cancellationToken).ConfigureAwait(false);
        var started = DateTime.UtcNow;
        await replica.KillAsync().ConfigureAwait(false);
        await replica.StartAsync().ConfigureAwait(false);
        _down += DateTime.UtcNow - started;
        _done++;
    }
}
