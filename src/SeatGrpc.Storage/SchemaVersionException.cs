namespace SeatGrpc.Storage;

/// <summary>The database was migrated by a newer SeatGrpc than this binary.</summary>
public sealed class SchemaVersionException : Exception
{
    public SchemaVersionException()
    {
    }

    public SchemaVersionException(string message)
        : base(message)
    {
    }

    public SchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SchemaVersionException(long databaseVersion, long binaryVersion)
        : base(
            $"The database schema is at version {databaseVersion}, but this binary knows versions up to {binaryVersion}. " +
            $"Run a SeatGrpc release that ships migration {databaseVersion}, or point the server at another database.")
    {
        DatabaseVersion = databaseVersion;
        BinaryVersion = binaryVersion;
    }

    public long DatabaseVersion { get; }

    public long BinaryVersion { get; }
}
