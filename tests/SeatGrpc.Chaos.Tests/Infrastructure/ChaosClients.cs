using System.Net;
using Grpc.Net.Client;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// The one factory for every client this project makes of a server: gRPC channels and REST <see cref="HttpClient"/>s.
/// Credentials, headers and connection settings are decided here only, so a change (an API key) is one line.
/// </summary>
internal static class ChaosClients
{
    // A killed server's port refuses at once; a wedged one must not hold a caller past this.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A channel to a gRPC port.</summary>
    public static GrpcChannel Channel(Uri grpcAddress) =>
        GrpcChannel.ForAddress(grpcAddress, new GrpcChannelOptions
        {
            HttpHandler = Handler(),
            DisposeHttpClient = true,
        });

    /// <summary>A REST client of a REST port; each request carries its own timeout, so the client has none.</summary>
    public static HttpClient Rest(Uri restAddress) =>
        new(Handler(), disposeHandler: true)
        {
            BaseAddress = restAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };

    private static SocketsHttpHandler Handler() => new()
    {
        ConnectTimeout = ConnectTimeout,
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    };
}
