using SeatGrpc.Chaos.Tests.Workload;
using Xunit;

namespace SeatGrpc.Chaos.Tests;

/// <summary>
/// The workload's request ids: two steps whose generators happen to share a seed (CI once drew the same 31-bit seed for
/// two clients, and the checker took the second call for a replay of the first) still send different ids.
/// </summary>
public sealed class RequestIdsTests
{
    [Fact]
    public void SameStepSeed_DifferentClientsOrSerials_DifferentIds()
    {
        var ids = new[]
        {
            RequestIds.Next(new Random(302928825), client: 8, serial: 1),
            RequestIds.Next(new Random(302928825), client: 15, serial: 1),
            RequestIds.Next(new Random(302928825), client: 8, serial: 2),
        };

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void SameClientSerialAndSeed_SameId_AVersion4Uuid()
    {
        var id = RequestIds.Next(new Random(11), client: 3, serial: 42);

        Assert.Equal(id, RequestIds.Next(new Random(11), client: 3, serial: 42));
        Assert.Equal(4, Guid.Parse(id).Version);
        Assert.EndsWith("-00030000002a", id, StringComparison.Ordinal);
    }
}
