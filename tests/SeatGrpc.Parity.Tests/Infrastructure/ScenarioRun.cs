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

    private readonly Func<string> _newPoolName;

    public ScenarioRun(ISeatApi api, Func<string> newPoolName)
    {
        Api = api;
        _newPoolName = newPoolName;
        Pool = NewPool();
    }

    public ISeatApi Api { get; }

    /// <summary>This run's pool, <c>subscriptions/…</c>: the other run has another.</summary>
    public string Pool { get; }

    public Normalizer Normalizer { get; } = new();

    public IReadOnlyList<(string Step, IMessage Message, int? HttpStatus)> Steps => _steps;

    /// <summary>Another pool name for this run (not created), registered for normalization.</summary>
    public string NewPool()
    {
        var name = _newPoolName();
        Normalizer.Alias(name);
        return name;
    }

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

    /// <summary>Creates (or resizes) <paramref name="pool"/> (default: <see cref="Pool"/>) and records it as <c>upsert</c>.</summary>
    public async Task<SeatPool> UpsertPoolAsync(int totalSeats, string? pool = null)
    {
        var outcome = Record("upsert", await Api.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool ?? Pool, TotalSeats = totalSeats } }));
        return outcome.Ok.Pool;
    }

    /// <summary>Assigns a seat of <see cref="Pool"/> to <paramref name="email"/>, recorded as <c>assign {email}</c>.</summary>
    public async Task<AssignSeatResponse> AssignAsync(string email, bool immediateClaim = false) =>
        Record($"assign {email}", await Api.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = email, ImmediateClaim = immediateClaim })).Ok;
}
