using Google.Protobuf;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>
/// One run of a scenario over one transport, on its own pool: the API to call, the pool, and the trace of every
/// outcome (in order, by step name) that is compared with the other transport's run.
/// </summary>
internal sealed class ScenarioRun
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private readonly List<(string Step, IMessage Message, int? HttpStatus)> _steps = [];

    public ScenarioRun(ISeatApi api, string pool)
    {
        Api = api;
        Pool = pool;
        Normalizer.Alias(pool);
    }

    public ISeatApi Api { get; }

    /// <summary>This run's pool, <c>subscriptions/…</c>: the other run has another.</summary>
    public string Pool { get; }

    public Normalizer Normalizer { get; } = new();

    public IReadOnlyList<(string Step, IMessage Message, int? HttpStatus)> Steps => _steps;

    /// <summary>A customer id unique to this run (customers span pools), registered for normalization.</summary>
    public string Customer(string name)
    {
        var id = $"{name}-{_tag}";
        Normalizer.Alias(id);
        return id;
    }

    /// <summary>Records an outcome under <paramref name="step"/> and returns it.</summary>
    public Outcome<T> Record<T>(string step, Outcome<T> outcome)
        where T : class, IMessage<T>
    {
        _steps.Add((step, outcome.Message, outcome.HttpStatus));
        return outcome;
    }

    /// <summary>Records a message (a stream's event) under <paramref name="step"/>.</summary>
    public void Record(string step, IMessage message) => _steps.Add((step, message, null));
}
