namespace SeatGrpc.Server.Tests;

/// <summary>A SQLite file path in its own temporary directory, deleted with the directory.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "seatgrpc-host-" + Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        Directory.CreateDirectory(_directory);
    }

    public string Path => System.IO.Path.Combine(_directory, "seats.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open in a killed child; the OS cleans the temporary folder.
        }
    }
}
