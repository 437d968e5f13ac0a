namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>Resets the probe before each test and fails a test that left an Error log it did not expect.</summary>
/// <typeparam name="TFixture">The server fixture.</typeparam>
public abstract class GrpcTestBase<TFixture> : IClassFixture<TFixture>, IDisposable
    where TFixture : GrpcServerFixture
{
    protected GrpcTestBase(TFixture fixture)
    {
        Fixture = fixture;
        Fixture.Probe.Reset();
        Fixture.Logs.TakeErrors();
    }

    protected TFixture Fixture { get; }

    protected HttpClient Client => Fixture.Client;

    protected EchoProbe Probe => Fixture.Probe;

    public void Dispose()
    {
        var errors = Fixture.Logs.TakeErrors();
        Assert.True(errors.Count == 0, "Unexpected error logs: " + string.Join(" | ", errors.Select(e => e.Message)));
        GC.SuppressFinalize(this);
    }
}
