using Xunit;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>The test classes that share one throwaway PostgreSQL cluster (each test in its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
