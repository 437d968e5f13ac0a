using Grpc.Core;
using Grpc.Net.Client;

namespace SeatGrpc.Testing;

/// <summary>
/// The API keys of the test servers. Every fixture starts its server with <see cref="Admin"/> as the bootstrap key
/// (an admin key of the tenant "default"), and its clients send it; tests of authentication make other keys.
/// </summary>
public static class TestKeys
{
    /// <summary>The admin key of the tenant "default" that the test servers are started with (--bootstrap-key).</summary>
    public const string Admin = "sk_" + AdminKeyId + "_TestsOnly-neverUseThisKeyOutsideTheTestRuns";

    /// <summary>The public id of <see cref="Admin"/>, as lists, logs and seat events show it.</summary>
    public const string AdminKeyId = "testadminkey";

    /// <summary>The environment variable a server reads its bootstrap key from.</summary>
    public const string BootstrapVariable = "SEATGRPC_BOOTSTRAP_KEY";

    /// <summary>The value of the authorization header (or gRPC metadata entry) that carries <paramref name="key"/>.</summary>
    public static string Bearer(string key) => "Bearer " + key;

    /// <summary>
    /// A channel whose every call sends <paramref name="key"/> (call credentials; allowed on a cleartext channel because
    /// the test servers listen on loopback only).
    /// </summary>
    public static GrpcChannel Channel(Uri address, string key = Admin) => GrpcChannel.ForAddress(address, Options(key));

    /// <summary>Channel options whose call credentials send <paramref name="key"/> on every call.</summary>
    public static GrpcChannelOptions Options(string key = Admin)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", Bearer(key));
            return Task.CompletedTask;
        });
        return new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        };
    }
}
