using SeatGrpc.Domain.Internal;
using SeatGrpc.Domain.Tests.Infrastructure;

namespace SeatGrpc.Domain.Tests;

/// <summary>One writer per pool at a time in this process; other pools and tenants never wait for it.</summary>
public sealed class PoolWriteGateTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(Bounded.Limit);

    private CancellationToken Ct => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task EnterAsync_SamePool_WaitsUntilTheWriterInsideLeaves()
    {
        var gate = new PoolWriteGate();
        var first = await gate.EnterAsync("acme", "subscriptions/a", Ct).Within();

        var second = gate.EnterAsync("acme", "subscriptions/a", Ct);
        await Task.Delay(50, Ct);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.Within()).Dispose();
        Assert.Equal(0, gate.ActivePools);
    }

    [Fact]
    public async Task EnterAsync_OtherPoolOrTenant_EntersAtOnce()
    {
        var gate = new PoolWriteGate();
        using var held = await gate.EnterAsync("acme", "subscriptions/a", Ct).Within();

        var otherPool = gate.EnterAsync("acme", "subscriptions/b", Ct);
        var otherTenant = gate.EnterAsync("globex", "subscriptions/a", Ct);

        Assert.True(otherPool.IsCompletedSuccessfully);
        Assert.True(otherTenant.IsCompletedSuccessfully);
        (await otherPool).Dispose();
        (await otherTenant).Dispose();
        Assert.Equal(1, gate.ActivePools);
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesTheTurnToTheNextWriter()
    {
        var gate = new PoolWriteGate();
        var first = await gate.EnterAsync("acme", "subscriptions/a", Ct).Within();
        using var gaveUp = new CancellationTokenSource();
        var cancelled = gate.EnterAsync("acme", "subscriptions/a", gaveUp.Token);
        var next = gate.EnterAsync("acme", "subscriptions/a", Ct);

        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled).Within();
        first.Dispose();

        (await next.Within()).Dispose();
        Assert.Equal(0, gate.ActivePools);
    }

    [Fact]
    public async Task Lease_DisposedTwice_LetsOnlyOneWriterIn()
    {
        var gate = new PoolWriteGate();
        var first = await gate.EnterAsync("acme", "subscriptions/a", Ct).Within();
        var second = gate.EnterAsync("acme", "subscriptions/a", Ct);
        var third = gate.EnterAsync("acme", "subscriptions/a", Ct);

        first.Dispose();
        first.Dispose();
        var inside = await second.Within();
        await Task.Delay(50, Ct);

        Assert.False(third.IsCompleted);
        inside.Dispose();
        (await third.Within()).Dispose();
    }
}
