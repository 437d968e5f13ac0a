using SeatGrpc.Testing;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>Whether a PostgreSQL server is available to the tests (see <see cref="PostgresTestServer"/>).</summary>
public sealed class PostgresServerProbe : IToolProbe
{
    public string? FindMissing() => PostgresTestServer.Problem;
}
