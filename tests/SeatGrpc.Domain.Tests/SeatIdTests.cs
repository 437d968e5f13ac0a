using SeatGrpc.Domain.Internal;

namespace SeatGrpc.Domain.Tests;

public sealed class SeatIdTests
{
    [Fact]
    public void NewSeatId_SameMillisecond_SharesTheTimePrefixAndDiffersInTheRandomPart()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => RandomIds.NewSeatId(1_763_000_000_000)).ToList();

        Assert.All(ids, id => Assert.Equal(22, id.Length));
        Assert.All(ids, id => Assert.Equal(ids[0][..8], id[..8]));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewSeatId_LaterMillisecond_ChangesOnlyTheTimePrefix()
    {
        var earlier = RandomIds.NewSeatId(1_763_000_000_000);
        var later = RandomIds.NewSeatId(1_763_000_000_001);

        Assert.NotEqual(earlier[..8], later[..8]);
        Assert.Equal(earlier[..7], later[..7]);
    }
}
