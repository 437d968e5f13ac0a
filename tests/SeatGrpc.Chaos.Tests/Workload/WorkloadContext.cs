using SeatGrpc.Chaos.Tests.Infrastructure;

namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>What the clients of one run share.</summary>
internal sealed record WorkloadContext(
    ServerCluster Cluster,
    WorkloadOptions Options,
    History History,
    Knowledge Knowledge,
    CheckpointGate Gate,
    IReadOnlyList<string> Pools,
    IAttemptListener? Listener);
