using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// python3-grpcio (an independent gRPC implementation) calls every RPC of SeatService and ApiKeyService through
/// tests/conformance/python/seats_auth_client.py: refused without, with a wrong, malformed, expired or revoked key and
/// without the scope, each with its ErrorInfo decoded from grpc-status-details-bin; another tenant's key sees nothing
/// of the default tenant.
/// </summary>
public sealed class PythonAuthTests(PythonAuthFixture server) : IClassFixture<PythonAuthFixture>
{
    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task NoKey_EveryRpcUnauthenticated() => RunAsync("no_key");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task UnknownKey_EveryRpcUnauthenticated() => RunAsync("unknown_key");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task MalformedHeader_EveryRpcUnauthenticated() => RunAsync("malformed");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public async Task ExpiredKey_EveryRpcUnauthenticated()
    {
        await server.WaitForExpiryAsync();
        await RunAsync("expired");
    }

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task RevokedKey_EveryRpcUnauthenticated() => RunAsync("revoked");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task KeyWithoutTheScope_PermissionDeniedNamingIt() => RunAsync("missing_scope");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task ReadAndWriteKeys_ReachTheirRpcs() => RunAsync("scopes_granted");

    [RequiresToolFact(typeof(PythonGrpcProbe))]
    public Task AnotherTenantsKey_SeesNothingOfTheDefaultTenant() => RunAsync("other_tenant");

    private async Task RunAsync(string scenario)
    {
        var stubs = await PythonStubs.GetSeatsDirectoryAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var (exitCode, output) = await ChildProcess.RunAsync(
            PythonGrpcProbe.RequiredPython,
            ["-u", Path.Combine(RepositoryPaths.PythonScripts, "seats_auth_client.py"), "--stubs", stubs, "--target", server.Target, "--setup", server.SetupFile, scenario]);

        Assert.True(exitCode == 0, $"seats_auth_client.py {scenario} exited with {exitCode}:\n{output}");
        Assert.Contains($"PASS {scenario}", output, StringComparison.Ordinal);
    }
}
