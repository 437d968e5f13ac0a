using System.Net;
using Grpc.Net.Client;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// The one factory for every client this project makes of a server: gRPC channels and REST <see cref="HttpClient"/>s.
/// Credentials (the test servers' admin key, <see cref="TestKeys"/>), headers and connection settings are decided here only.
/// </summary>
internal static class ChaosClients
{
    // A killed server's port refuses at once; a wedged one must not hold a caller past this.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A channel to a gRPC port whose every call sends the test servers' admin key.</summary>
    public static GrpcChannel Channel(Uri grpcAddress)
    {
        var options = TestKeys.Options();
        options.HttpHandler = Handler();
        options.DisposeHttpClient = true;
        return GrpcChannel.ForAddress(grpcAddress, options);
    }

    /// <summary>A REST client of a REST port, sending the admin key; each request carries its own timeout, so the client has none.</summary>
    public static HttpClient Rest(Uri restAddress)
    {
        var http = new HttpClient(Handler(), disposeHandler: true)
        {
            BaseAddress = restAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };
        http.DefaultRequestHeaders.Add("authorization", TestKeys.Bearer(TestKeys.Admin));
        return http;
    }

    private static SocketsHttpHandler Handler() => new()
    {
        ConnectTimeout = ConnectTimeout,
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    };
}
