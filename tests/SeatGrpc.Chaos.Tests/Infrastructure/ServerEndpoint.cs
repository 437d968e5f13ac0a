using Grpc.Net.Client;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>One running server process and the clients of its two ports.</summary>
internal sealed class ServerEndpoint : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly HttpClient _http;

    public ServerEndpoint(SeatServerProcess process, int generation)
    {
        Process = process;
        Generation = generation;
        _channel = ChaosClients.Channel(process.GrpcUri);
        _http = ChaosClients.Rest(process.RestUri);
        Client = new SeatService.SeatServiceClient(_channel);
        Grpc = new GrpcSeatApi(Client);
        Rest = new RestSeatApi(_http);
    }

    public SeatServerProcess Process { get; }

    /// <summary>Gets how many processes this replica slot had started before this one.</summary>
    public int Generation { get; }

    public SeatService.SeatServiceClient Client { get; }

    public GrpcChannel Channel => _channel;

    public HttpClient Http => _http;

    public ISeatApi Grpc { get; }

    public ISeatApi Rest { get; }

    /// <summary>The transport by name.</summary>
    public ISeatApi Api(bool rest) => rest ? Rest : Grpc;

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        _http.Dispose();
        await Process.DisposeAsync().ConfigureAwait(false);
    }
}
