namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>The schema this build's migrations end at: every test of a migrated database expects it, so a new migration changes it here.</summary>
public static class SchemaVersions
{
    public const int Latest = 4;
}
