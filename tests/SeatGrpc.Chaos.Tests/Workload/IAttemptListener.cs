using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>Hears every attempt of every call, reads included (the soak's latency and error counts).</summary>
internal interface IAttemptListener
{
    void OnAttempt(string operation, Outcome outcome, TimeSpan latency);
}
