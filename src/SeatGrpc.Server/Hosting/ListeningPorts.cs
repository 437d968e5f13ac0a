using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SeatGrpc.Server.Hosting;

/// <summary>The two endpoints' bound addresses, known once Kestrel has started (port 0 picks a free one).</summary>
public sealed class ListeningPorts
{
    internal ListenOptions? Grpc { get; set; }

    internal ListenOptions? Rest { get; set; }

    /// <summary>The gRPC endpoint's URI, e.g. http://127.0.0.1:5000.</summary>
    public Uri GrpcUri => ToUri(Grpc);

    /// <summary>The REST endpoint's URI, e.g. http://127.0.0.1:5001.</summary>
    public Uri RestUri => ToUri(Rest);

    internal void Announce(ILogger logger) => HostLog.Listening(logger, GrpcUri, RestUri);

    private static Uri ToUri(ListenOptions? listen) =>
        listen?.IPEndPoint is { } endpoint
            ? new Uri($"http://{endpoint}")
            : throw new InvalidOperationException("The server has not started listening yet.");
}
