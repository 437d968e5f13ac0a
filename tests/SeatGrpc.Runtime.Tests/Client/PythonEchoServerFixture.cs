using Grpc.Net.Client;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>
/// Starts one Python echo server for all the client conformance tests. Where python3-grpcio is missing the
/// tests skip (see <see cref="RequiresToolFactAttribute"/>), so the fixture only records why it did not start.
/// </summary>
public sealed class PythonEchoServerFixture : IAsyncLifetime
{
    private PythonEchoServer? _server;
    private Exception? _startFailure;

    public Uri Address => Server.Address;

    private PythonEchoServer Server =>
        _server ?? throw new InvalidOperationException($"The Python echo server is not running: {_startFailure?.Message}", _startFailure);

    public async Task InitializeAsync()
    {
        var missing = RequiresToolFactAttribute.FindMissing(typeof(PythonGrpcProbe));
        if (missing is not null)
        {
            _startFailure = new InvalidOperationException(missing);
            return;
        }

        try
        {
            _server = await PythonEchoServer.StartAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            _startFailure = ex;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Creates a channel to the server; the test disposes it.</summary>
    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) =>
        GrpcChannel.ForAddress(Address, options ?? new GrpcChannelOptions());

    public static EchoService.EchoServiceClient CreateClient(GrpcChannel channel) => new(channel);

    /// <summary>Gets what the server wrote to stderr, for failure messages.</summary>
    public string ServerLog => _server?.Log ?? string.Empty;
}

/// <summary>The tests that share the Python echo server.</summary>
[CollectionDefinition(Name)]
public sealed class PythonEchoServerDefinition : ICollectionFixture<PythonEchoServerFixture>
{
    public const string Name = "Python echo server";
}
