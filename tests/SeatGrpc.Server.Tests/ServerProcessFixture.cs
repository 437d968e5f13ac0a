namespace SeatGrpc.Server.Tests;

/// <summary>One built server (a child process on free ports, its own SQLite file) shared by a test class.</summary>
public sealed class ServerProcessFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase _database = new();
    private SeatServerProcess? _process;

    public SeatServerProcess Process => _process ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _process = await SeatServerProcess.StartAsync(_database.Path);

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _database.Dispose();
}
