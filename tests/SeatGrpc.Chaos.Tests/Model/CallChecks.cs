using Grpc.Core;
using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>
/// Each recorded call against the event log (every call carries a request id, and every event records the id of the
/// call that made it): a refused call left nothing; an acknowledged one left exactly its events, naming the seats its
/// answer named; one in doubt left all of its events or none (a batch is never half there); no event comes from a
/// call nobody made. And the answers: replays return the first answer, nothing is ever UNKNOWN, INTERNAL or HTTP 500.
/// </summary>
internal static class CallChecks
{
    public static void Check(
        IReadOnlyList<CallRecord> calls, IReadOnlyDictionary<string, List<SeatEvent>> eventsByRequest, ISet<string> listedSeats, List<string> violations)
    {
        var made = calls.Where(c => c.Kind != CallKind.ReuseProbe).ToList();
        foreach (var shared in made.GroupBy(c => c.RequestId).Where(g => g.Count() > 1))
        {
            violations.Add($"the workload sent two calls with request id {shared.Key}: {string.Join(" / ", shared)}");
        }

        var known = made.Select(c => c.RequestId).ToHashSet(StringComparer.Ordinal);
        foreach (var (requestId, events) in eventsByRequest.Where(e => !known.Contains(e.Key)))
        {
            violations.Add($"{events.Count} event(s) from request id '{requestId}', which no call sent: {events[0]}");
        }

        foreach (var call in calls)
        {
            CheckAttempts(call, violations);
            if (call.Kind == CallKind.ReuseProbe)
            {
                CheckProbe(call, violations);
                continue;
            }

            var events = eventsByRequest.TryGetValue(call.RequestId, out var list) ? list : [];
            CheckEvents(call, events, violations);
            if (call.Final.IsOk && call.FirstAnswer is { } answer)
            {
                CheckAnswer(call, answer, events, listedSeats, violations);
            }
        }
    }

    private static void CheckAttempts(CallRecord call, List<string> violations)
    {
        var attempts = call.Attempts;
        foreach (var broken in attempts.Where(a => a.Outcome is Broken))
        {
            violations.Add($"an answer no correct server gives, {broken.Outcome.Describe()} over {broken.Transport}: {call}");
        }

        if (call.Final is InDoubt)
        {
            violations.Add($"still in doubt after every retry: {call}");
        }

        // A replay of an acknowledged call returns the first answer (without its token); only one answer shows a token.
        var answers = attempts.Where(a => a.Outcome.IsOk && a.Response is not null).Select(a => a.Response!).ToList();
        if (answers.Count(Answers.HasToken) > 1)
        {
            violations.Add($"{answers.Count(Answers.HasToken)} answers with an invitation token for one request id: {call}");
        }

        var first = answers.FirstOrDefault();
        foreach (var other in answers.Skip(1).Where(a => !Answers.WithoutTokens(a).Equals(Answers.WithoutTokens(first!))))
        {
            violations.Add($"a replay answered differently from the first answer: first {first}, later {other}: {call}");
        }

        var firstOk = attempts.TakeWhile(a => !a.Outcome.IsOk).Count();
        foreach (var refused in attempts.Skip(firstOk + 1).Where(a => a.Outcome is Rejected))
        {
            violations.Add($"a replay of an acknowledged call was refused ({refused.Outcome.Describe()} over {refused.Transport}): {call}");
        }
    }

    private static void CheckProbe(CallRecord probe, List<string> violations)
    {
        if (probe.Final is not Rejected { Code: StatusCode.InvalidArgument, Reason: "REQUEST_ID_REUSED" })
        {
            violations.Add($"a different request under the request id of acknowledged call #{probe.Reused?.Id} was not refused with REQUEST_ID_REUSED: {probe}");
        }
    }

    private static void CheckEvents(CallRecord call, List<SeatEvent> events, List<string> violations)
    {
        var (types, mayBeNone) = ExpectedEvents.Of(call);
        var final = call.Final;
        if (events.Count == 0)
        {
            if (final.IsOk && !mayBeNone)
            {
                violations.Add($"acknowledged, but none of its events is in the log (a lost change): {call}");
            }

            return;
        }

        // A refusal promises nothing changed; after an in-doubt attempt that did apply, a retry must replay, not refuse.
        if (final is Rejected)
        {
            var why = call.WasInDoubt ? "after an in-doubt attempt that was applied, a retry was refused instead of replayed" : "refused";
            violations.Add($"{why} ({final.Describe()}), yet {events.Count} of its events are in the log: {call}");
            return;
        }

        if (!events.Select(e => e.Type).SequenceEqual(types))
        {
            var what = final.IsOk ? "acknowledged" : "in doubt";
            violations.Add($"{what}, with events [{string.Join(", ", events.Select(e => e.Type))}] for the expected [{string.Join(", ", types)}] (half applied?): {call}");
        }

        var pools = events.Select(e => e.Parent).Distinct().ToList();
        if (pools.Count > 1 || (call.Pool.Length > 0 && pools[0] != call.Pool))
        {
            violations.Add($"its events are in {string.Join(", ", pools)}: {call}");
        }

        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Sequence != events[i - 1].Sequence + 1)
            {
                violations.Add($"its events are not consecutive ({string.Join(", ", events.Select(e => e.Sequence))}): another write interleaved with a batch: {call}");
                break;
            }
        }
    }

    private static void CheckAnswer(CallRecord call, Google.Protobuf.IMessage answer, List<SeatEvent> events, ISet<string> listedSeats, List<string> violations)
    {
        var seats = Answers.Seats(answer);
        if (events.Count > 0 && events.Count == seats.Count)
        {
            for (var i = 0; i < seats.Count; i++)
            {
                if (events[i].Seat != seats[i].Name)
                {
                    violations.Add($"its answer names {seats[i].Name}, its event {i} {events[i].Seat}: {call}");
                }
            }
        }

        foreach (var seat in seats.Where(s => !listedSeats.Contains(s.Name)))
        {
            violations.Add($"acknowledged seat {seat.Name} is missing from ListSeats (a lost change): {call}");
        }

        switch (answer)
        {
            case RevokeSeatResponse revoke when revoke.Seat.Status != SeatStatus.Revoked:
            case ClaimSeatResponse claim when claim.Seat.Status != SeatStatus.Claimed:
                violations.Add($"its answer shows the seat {Answers.Seats(answer)[0].Status}: {call}");
                break;
            case AssignSeatResponse assign when assign.Seat.Status != (((AssignSeatRequest)call.Request).ImmediateClaim ? SeatStatus.Claimed : SeatStatus.Pending):
                violations.Add($"its answer shows the new seat {assign.Seat.Status}: {call}");
                break;
            case UpsertSeatPoolResponse upsert when upsert.Pool.TotalSeats != ((UpsertSeatPoolRequest)call.Request).Pool.TotalSeats:
                violations.Add($"its answer shows {upsert.Pool.TotalSeats} seats: {call}");
                break;
        }
    }
}
