using SeatGrpc.Chaos.Tests.Workload;

namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>How the calls that were in doubt at some attempt turned out, by the event log: applied or absent.</summary>
internal static class InDoubtStats
{
    public static string Describe(IReadOnlyList<CallRecord> calls, IReadOnlyDictionary<string, List<SeatEvent>> eventsByRequest)
    {
        var inDoubt = calls.Where(c => c.Kind != CallKind.ReuseProbe && c.Attempts.Count > 0 && c.Attempts[0].Outcome is Api.InDoubt).ToList();
        bool Applied(CallRecord c) => eventsByRequest.ContainsKey(c.RequestId);
        var batches = inDoubt.Where(c => c.Request is BatchManageSeatsRequest { Changes.Count: > 1 }).ToList();
        return $"{inDoubt.Count} calls whose first attempt was in doubt: {inDoubt.Count(Applied)} applied, {inDoubt.Count(c => !Applied(c))} absent; " +
               $"of them {batches.Count} batches of 2 or more changes: {batches.Count(Applied)} wholly applied, {batches.Count(c => !Applied(c))} wholly absent";
    }
}
