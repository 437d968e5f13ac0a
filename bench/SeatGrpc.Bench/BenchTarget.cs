using Grpc.Core;
using Grpc.Net.Client;
using Seats.V1;

namespace SeatGrpc.Bench;

/// <summary>
/// The server under test: one or more h2c channels (each one HTTP/2 connection) and a client per channel.
/// <see cref="ConnectAsync"/> proves the server answers before any load starts.
/// </summary>
internal sealed class BenchTarget : IDisposable
{
    private readonly GrpcChannel[] _channels;

    private BenchTarget(Uri address, int connections, string key)
    {
        Address = address;
        _channels = new GrpcChannel[Math.Max(1, connections)];
        Clients = new SeatService.SeatServiceClient[_channels.Length];

        // Every call sends the API key (call credentials are allowed on h2c only when asked for: the bench runs on loopback).
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", "Bearer " + key);
            return Task.CompletedTask;
        });
        for (var i = 0; i < _channels.Length; i++)
        {
            // One HTTP/2 connection per channel, so --connections N means N: by default a channel opens another
            // connection whenever its 100 streams are busy, and an open-loop run that falls behind spread its calls over
            // dozens of connections. Calls past a connection's streams now wait in the client, counted in their latency.
            var options = new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
                UnsafeUseInsecureChannelCallCredentials = true,
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
                DisposeHttpClient = true,
            };
            _channels[i] = GrpcChannel.ForAddress(address, options);
            Clients[i] = new SeatService.SeatServiceClient(_channels[i]);
        }
    }

    public Uri Address { get; }

    public SeatService.SeatServiceClient[] Clients { get; }

    public SeatService.SeatServiceClient Client(int worker) => Clients[worker % Clients.Length];

    public static async Task<BenchTarget> ConnectAsync(BenchArgs args)
    {
        var text = args.Text("target", "http://127.0.0.1:5000");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttp)
        {
            throw new BenchUsageException($"--target '{text}' is not an http:// address (the gRPC port speaks h2c), e.g. http://127.0.0.1:5000.");
        }

        var key = args.Text("key", Environment.GetEnvironmentVariable("SEATGRPC_KEY") ?? string.Empty);
        if (key.Length == 0)
        {
            throw new BenchUsageException("--key is missing: an API key with seats:admin (the server's --bootstrap-key, or SEATGRPC_KEY).");
        }

        var target = new BenchTarget(address, args.Int("connections", 1), key);
        try
        {
            await target.Clients[0].GetSeatPoolAsync(
                new GetSeatPoolRequest { Name = "subscriptions/bench-ping" }, deadline: DateTime.UtcNow.AddSeconds(5));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Reachable: the pool simply does not exist.
        }
        catch (RpcException ex)
        {
            target.Dispose();
            throw new BenchUsageException(
                $"The server at {address} did not answer a GetSeatPool call ({ex.StatusCode}: {ex.Status.Detail}). " +
                "Start it (dotnet src/SeatGrpc.Server/bin/Release/net10.0/SeatGrpc.Server.dll --grpc-port 5000) " +
                "or pass --target with the grpc= address it logs.");
        }

        return target;
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
