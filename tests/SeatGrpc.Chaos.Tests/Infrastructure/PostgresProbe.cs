namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>Whether a throwaway PostgreSQL cluster can be started here (the Debian package postgresql).</summary>
public sealed class PostgresProbe : IToolProbe
{
    public string? FindMissing()
    {
        using var cluster = PostgresCluster.TryStart(out var problem);
        return problem;
    }
}
