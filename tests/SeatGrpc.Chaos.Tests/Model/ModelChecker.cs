using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>Checks a history of calls against what the server shows of its pools; returns every violation found.</summary>
internal static class ModelChecker
{
    public static List<string> Check(
        IReadOnlyList<CallRecord> calls, IReadOnlyList<string> readFailures, IReadOnlyList<PoolObservation> pools, out string inDoubt)
    {
        var violations = new List<string>(readFailures.Select(f => "a read broke a rule: " + f));
        var byRequest = calls.Where(c => c.Kind != CallKind.ReuseProbe)
            .GroupBy(c => c.RequestId)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var eventsByRequest = pools.SelectMany(p => p.Events)
            .GroupBy(e => e.RequestId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Parent, StringComparer.Ordinal).ThenBy(e => e.Sequence).ToList(), StringComparer.Ordinal);

        foreach (var pool in pools)
        {
            // Whether a created seat started claimed is in the request that made it: found by the event's request id.
            bool ImmediateClaim(SeatEvent e) =>
                byRequest.TryGetValue(e.RequestId, out var call)
                && ExpectedEvents.ImmediateClaim(call, eventsByRequest[e.RequestId].IndexOf(e));

            var replay = EventReplay.Run(pool.Name, pool.Events, ImmediateClaim, violations);
            StateChecks.Check(pool, replay, violations);
        }

        var listed = pools.SelectMany(p => p.Active.Concat(p.Revoked)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        CallChecks.Check(calls, eventsByRequest, listed, violations);
        inDoubt = InDoubtStats.Describe(calls, eventsByRequest);
        return violations;
    }
}
