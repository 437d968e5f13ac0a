using Google.Protobuf;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>
/// One of the workload's concurrent clients. Each step draws one number from the client's seeded generator and makes
/// every choice of the step from a generator seeded with it, so a seed replays the same sequence of choices per
/// client whatever the answers were (targets that depend on answers, such as "a seat someone was given", are picked
/// by index among those known at that moment).
/// </summary>
internal sealed partial class ChaosClient
{
    private const int MaxRemembered = 64;

    private readonly int _index;
    private readonly Random _random;
    private readonly WorkloadContext _context;
    private readonly List<CallRecord> _acknowledged = [];
    private readonly Pacer? _pacer;
    private int _requestIds;

    public ChaosClient(int index, int seed, WorkloadContext context)
    {
        _index = index;
        _random = new Random(unchecked((seed * 1_000_003) + index));
        _context = context;
        _pacer = context.Options.Rate > 0 ? new Pacer(context.Options.Rate / context.Options.Clients) : null;
    }

    private History History => _context.History;

    /// <summary>Runs steps until <paramref name="stopping"/> says so; a step in flight finishes with its retries.</summary>
    public async Task RunAsync(Func<bool> stopping, CancellationToken cancellationToken)
    {
        while (!stopping())
        {
            var step = new Random(_random.Next());
            await _context.Gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await StepAsync(step, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _context.Gate.Exit();
            }

            if (_pacer is not null)
            {
                await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task StepAsync(Random r, CancellationToken cancellationToken) => r.Next(100) switch
    {
        < 22 => AssignAsync(r, cancellationToken),
        < 34 => RevokeAsync(r, cancellationToken),
        < 40 => ResendAsync(r, cancellationToken),
        < 50 => ClaimAsync(r, cancellationToken),
        < 62 => BatchAsync(r, cancellationToken),
        < 70 => StreamAsync(r, cancellationToken),
        < 75 => ResizeAsync(r, cancellationToken),
        < 86 => ReadAsync(r, cancellationToken),
        < 97 => ReplayAsync(r, cancellationToken),
        _ => ReuseAsync(r, cancellationToken),
    };

    private string NextRequestId(Random r) => RequestIds.Next(r, _index, Interlocked.Increment(ref _requestIds));

    private string PickPool(Random r) => _context.Pools[r.Next(_context.Pools.Count)];

    /// <summary>Sends a call's first attempt and retries it, with the same request id, while it is in doubt.</summary>
    private async Task ExecuteAsync(CallRecord record, Random r, Sender send, bool restToo, CancellationToken cancellationToken)
    {
        var timeout = _context.Options.ShortDeadlines && r.Next(10) == 0
            ? TimeSpan.FromMilliseconds(1 + r.Next(20))
            : _context.Options.CallTimeout;
        await AttemptAsync(record, r, send, restToo, timeout, isReplay: false, cancellationToken).ConfigureAwait(false);
        await RetryWhileInDoubtAsync(record, r, send, restToo, cancellationToken).ConfigureAwait(false);
        Remember(record);
    }

    private async Task RetryWhileInDoubtAsync(CallRecord record, Random r, Sender send, bool restToo, CancellationToken cancellationToken)
    {
        var started = History.Now;
        for (var retry = 0; record.Attempts[^1].Outcome is InDoubt && History.Now - started < _context.Options.RetryBudget; retry++)
        {
            var backoff = Math.Min(500, 20 << Math.Min(retry, 5));
            await Task.Delay(TimeSpan.FromMilliseconds(backoff / 2 + r.Next(backoff / 2 + 1)), cancellationToken).ConfigureAwait(false);
            await AttemptAsync(record, r, send, restToo, _context.Options.CallTimeout, isReplay: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Outcome> AttemptAsync(
        CallRecord record, Random r, Sender send, bool restToo, TimeSpan timeout, bool isReplay, CancellationToken cancellationToken)
    {
        var endpoint = await _context.Cluster.PickAsync(r.Next(), cancellationToken).ConfigureAwait(false);
        var api = endpoint.Api(restToo && r.Next(2) == 0);
        var begin = History.Now;
        var (outcome, response) = await send(api, timeout, cancellationToken).ConfigureAwait(false);
        var end = History.Now;
        record.Add(new Attempt(api.Transport, outcome, response, begin, end, isReplay));
        _context.Listener?.OnAttempt(record.Kind.ToString(), outcome, end - begin);
        if (outcome.IsOk && response is not null)
        {
            Learn(response);
        }

        return outcome;
    }

    private void Remember(CallRecord record)
    {
        if (!record.Final.IsOk || record.Kind == CallKind.ReuseProbe)
        {
            return;
        }

        _acknowledged.Add(record);
        if (_acknowledged.Count > MaxRemembered)
        {
            _acknowledged.RemoveAt(0);
        }
    }

    private void Learn(IMessage response)
    {
        var knowledge = _context.Knowledge;
        switch (response)
        {
            case AssignSeatResponse assign:
                knowledge.Learn(assign.Seat, assign.InvitationToken);
                break;
            case ResendInvitationResponse resend:
                knowledge.Learn(resend.Seat, resend.InvitationToken);
                break;
            case RevokeSeatResponse revoke:
                knowledge.Learn(revoke.Seat);
                break;
            case ClaimSeatResponse claim:
                knowledge.Learn(claim.Seat);
                break;
            case BatchManageSeatsResponse batch:
                foreach (var result in batch.Results)
                {
                    knowledge.Learn(result.Seat, result.InvitationToken);
                }

                break;
        }
    }

    private static async Task<(Outcome, IMessage?)> Unwrap<T>(Task<CallResult<T>> call)
        where T : class, IMessage
    {
        var result = await call.ConfigureAwait(false);
        return (result.Outcome, result.Response);
    }

    /// <summary>Sends one attempt of a call over a transport.</summary>
    private delegate Task<(Outcome Outcome, IMessage? Response)> Sender(ISeatApi api, TimeSpan timeout, CancellationToken cancellationToken);
}
