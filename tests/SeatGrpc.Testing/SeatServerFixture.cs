using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Seats.V1;
using Xunit;

namespace SeatGrpc.Testing;

/// <summary>
/// One real SeatGrpc host per test class, built by the subclass (<c>SeatGrpcApp.Build(args)</c>) from the arguments
/// "--grpc-port 0 --rest-port 0 --sqlite {own file} --bootstrap-key {TestKeys.Admin}", and a
/// <see cref="SeatService.SeatServiceClient"/> over a <see cref="GrpcChannel"/> to its gRPC port whose calls send that
/// admin key. <see cref="RestartAsync"/> stops and starts the host on the same file.
/// </summary>
/// <remarks>
/// Abstract so that this project does not reference the host: a test project derives a sealed fixture that calls
/// <c>SeatGrpcApp.Build</c> and reads the bound URIs from its <c>ListeningPorts</c>.
/// </remarks>
public abstract class SeatServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "seatgrpc-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private SeatService.SeatServiceClient? _client;
    private int _poolCounter;

    /// <summary>Gets the SQLite file the host uses.</summary>
    public string DatabasePath => Path.Combine(_directory, "seats.db");

    /// <summary>Gets the running host.</summary>
    public WebApplication App => _app ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>Gets the gRPC endpoint of the running host.</summary>
    public Uri GrpcUri => GetGrpcUri(App);

    /// <summary>Gets the REST endpoint of the running host.</summary>
    public Uri RestUri => GetRestUri(App);

    /// <summary>Gets a client over the gRPC port.</summary>
    public SeatService.SeatServiceClient Client => _client ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>Gets the channel behind <see cref="Client"/>.</summary>
    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("The server is not running.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await StartAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a lingering handle; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Stops the host and starts a new one on the same database file.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>A fresh pool name, unique in this fixture: <c>subscriptions/{prefix}-{n}</c>.</summary>
    public string NewPoolName(string prefix = "sub") =>
        $"subscriptions/{prefix}-{Interlocked.Increment(ref _poolCounter)}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates a pool with <paramref name="totalSeats"/> seats and returns its name.</summary>
    public async Task<string> CreatePoolAsync(int totalSeats, string prefix = "sub")
    {
        var name = NewPoolName(prefix);
        await Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = name, TotalSeats = totalSeats } })
            .ResponseAsync.WithTimeout().ConfigureAwait(false);
        return name;
    }

    /// <summary>Builds the host from its command-line arguments.</summary>
    protected abstract WebApplication Build(string[] args);

    /// <summary>The bound gRPC URI of a started host.</summary>
    protected abstract Uri GetGrpcUri(WebApplication app);

    /// <summary>The bound REST URI of a started host.</summary>
    protected abstract Uri GetRestUri(WebApplication app);

    private async Task StartAsync()
    {
        var app = Build(["--grpc-port", "0", "--rest-port", "0", "--sqlite", DatabasePath, "--bootstrap-key", TestKeys.Admin]);
        await app.StartAsync().WaitAsync(StartTimeout).ConfigureAwait(false);
        _app = app;
        _channel = TestKeys.Channel(GrpcUri);
        _client = new SeatService.SeatServiceClient(_channel);
    }

    private async Task StopAsync()
    {
        _channel?.Dispose();
        _channel = null;
        _client = null;
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync().WaitAsync(StartTimeout).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
