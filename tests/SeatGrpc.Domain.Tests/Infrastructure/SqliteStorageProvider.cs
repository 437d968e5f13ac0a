using SeatGrpc.Storage;

namespace SeatGrpc.Domain.Tests.Infrastructure;

/// <summary>A real SQLite file in a temporary directory, deleted afterwards.</summary>
public sealed class SqliteStorageProvider : IStorageProvider
{
    private readonly string _directory = Directory.CreateTempSubdirectory("seatgrpc-tests-").FullName;

    public string DatabasePath => Path.Combine(_directory, "seats.db");

    public Task<SeatDatabase> OpenAsync(CancellationToken cancellationToken)
    {
        return SeatDatabase.OpenSqliteAsync(new SqliteStorageOptions(DatabasePath), loggerFactory: null, cancellationToken);
    }

    public string CountIndexSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'seats' AND name = @Name";

    public Task RestoreVersionAsync(int version, CancellationToken cancellationToken)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"seats-v{version}.db"), DatabasePath, overwrite: true);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail a test.
        }
    }
}
