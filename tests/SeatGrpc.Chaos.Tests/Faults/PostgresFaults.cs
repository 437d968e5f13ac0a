using SeatGrpc.Chaos.Tests.Infrastructure;

namespace SeatGrpc.Chaos.Tests.Faults;

/// <summary>
/// Faults of a PostgreSQL deployment, in an order drawn from the seed: SIGKILL one replica (the others keep serving)
/// and restart it; or stop the database server itself (immediate mode: every connection breaks) for a moment and start
/// it again, while both replicas keep taking calls.
/// </summary>
internal sealed class PostgresFaults : IFaultPlan
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    private readonly KillRestart _kills;
    private readonly PostgresCluster _database;
    private readonly int _outages;
    private readonly TimeSpan _gap;
    private int _outagesDone;

    public PostgresFaults(ServerCluster cluster, PostgresCluster database, int kills, int outages, TimeSpan gap)
    {
        _kills = new KillRestart(cluster, kills, gap / 2, gap * 1.5);
        _database = database;
        _outages = outages;
        _gap = gap;
    }

    public bool Done => _kills.Done && _outagesDone >= _outages;

    public string Summary => $"{_kills.Summary}, {_outagesDone} database outages of {Outage.TotalSeconds:0} s";

    public async Task RoundAsync(Random random, CancellationToken cancellationToken)
    {
        var outage = _outagesDone < _outages && (_kills.Done || random.Next(3) == 0);
        if (!outage)
        {
            await _kills.RoundAsync(random, cancellationToken).ConfigureAwait(false);
            return;
        }

        await Task.Delay(_gap, cancellationToken).ConfigureAwait(false);
        await Task.Run(() => _database.Stop() is { } problem ? throw new InvalidOperationException(problem) : 0, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Outage, cancellationToken).ConfigureAwait(false);
        await Task.Run(() => _database.Start() is { } problem ? throw new InvalidOperationException(problem) : 0, cancellationToken).ConfigureAwait(false);
        _outagesDone++;
    }
}
