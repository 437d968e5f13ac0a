namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>Bounds for every await in the tests, so a hang fails the test instead of the CI run.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);
}
