using Google.Protobuf;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>
/// One logical call of the history: a request under one request id, with every attempt made to get it answered
/// (the first, the retries after an in-doubt attempt, and deliberate replays).
/// </summary>
internal sealed class CallRecord
{
    private readonly List<Attempt> _attempts = [];

    public CallRecord(long id, int client, CallKind kind, string pool, string requestId, IMessage request)
    {
        Id = id;
        Client = client;
        Kind = kind;
        Pool = pool;
        RequestId = requestId;
        Request = request;
    }

    public long Id { get; }

    /// <summary>Gets the client that made it; -1 for the checker's own calls.</summary>
    public int Client { get; }

    public CallKind Kind { get; }

    /// <summary>Gets the pool it targets, where the request names one (empty for a claim).</summary>
    public string Pool { get; }

    public string RequestId { get; }

    /// <summary>Gets the request in unary form (a stream batch as a <see cref="BatchManageSeatsRequest"/>).</summary>
    public IMessage Request { get; }

    /// <summary>Gets the acknowledged call whose request id a <see cref="CallKind.ReuseProbe"/> reuses.</summary>
    public CallRecord? Reused { get; init; }

    public IReadOnlyList<Attempt> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Gets the first answer the server gave with success, or null.</summary>
    public IMessage? FirstAnswer => Attempts.FirstOrDefault(a => a.Outcome.IsOk)?.Response;

    /// <summary>
    /// Gets the call's outcome: OK if any attempt was; else broken if any was; else in doubt if the last attempt was
    /// (retries never settled it); else the last attempt's refusal.
    /// </summary>
    public Outcome Final
    {
        get
        {
            var attempts = Attempts;
            return attempts.FirstOrDefault(a => a.Outcome is Ok)?.Outcome
                ?? attempts.FirstOrDefault(a => a.Outcome is Broken)?.Outcome
                ?? (attempts.Count > 0 ? attempts[^1].Outcome : new InDoubt("never sent"));
        }
    }

    /// <summary>Gets a value indicating whether some attempt was in doubt (it may have been applied, whatever came after).</summary>
    public bool WasInDoubt => Attempts.Any(a => a.Outcome is InDoubt);

    public void Add(Attempt attempt)
    {
        lock (_attempts)
        {
            _attempts.Add(attempt);
        }
    }

    public override string ToString()
    {
        var attempts = string.Join("; ", Attempts.Select(a => $"{a.Transport}{(a.IsReplay ? " replay" : "")} {a.Outcome.Describe()}"));
        return $"#{Id} client {Client} {Kind} {Pool} rid {RequestId}: {JsonFormatter.Default.Format(Request)} -> [{attempts}]";
    }
}
