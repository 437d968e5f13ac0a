namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>
/// Names the <see cref="SeatGrpc.Testing.IToolProbe"/> that says whether a storage provider's engine is available.
/// The shared suite's <see cref="StorageFactAttribute"/> tests of a class over that provider are skipped with the
/// probe's reason when it is not (and fail instead when <c>SEATGRPC_REQUIRE_CONFORMANCE=1</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class StorageProbeAttribute(Type probeType) : Attribute
{
    public Type ProbeType { get; } = probeType;
}
