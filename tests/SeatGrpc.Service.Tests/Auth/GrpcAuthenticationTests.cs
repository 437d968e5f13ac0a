using Grpc.Net.Client;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Tests.Auth;

/// <summary>
/// Every RPC over gRPC (Grpc.Net.Client), refused as SPEC.md section 7 says: UNAUTHENTICATED for no, a malformed, an
/// unknown, an expired or a revoked key; PERMISSION_DENIED for a key without the scope; each with its ErrorInfo.
/// </summary>
public sealed class GrpcAuthenticationTests : IClassFixture<AuthServer>
{
    private readonly AuthServer _server;

    public GrpcAuthenticationTests(AuthServer server)
    {
        _server = server;
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.Names), MemberType = typeof(RpcCatalog))]
    public Task NoKey_Unauthenticated(string rpc) =>
        RefusedAsync(rpc, _server.ChannelFor(null), StatusCode.Unauthenticated, "API_KEY_MISSING");

    [Theory]
    [MemberData(nameof(RpcCatalog.Names), MemberType = typeof(RpcCatalog))]
    public Task UnknownKey_Unauthenticated(string rpc) =>
        RefusedAsync(rpc, _server.ChannelFor(_server.UnknownKey), StatusCode.Unauthenticated, "API_KEY_INVALID");

    [Theory]
    [MemberData(nameof(RpcCatalog.Names), MemberType = typeof(RpcCatalog))]
    public Task AdminKeyWithOneCharacterChanged_Unauthenticated(string rpc)
    {
        var tampered = TestKeys.Admin[..^1] + (TestKeys.Admin[^1] == 's' ? 't' : 's');
        return RefusedAsync(rpc, _server.ChannelFor(tampered), StatusCode.Unauthenticated, "API_KEY_INVALID");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.Names), MemberType = typeof(RpcCatalog))]
    public async Task NotABearerHeader_Unauthenticated(string rpc)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", "Basic " + Convert.ToBase64String("user:password"u8));
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(_server.GrpcUri, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

        await RefusedAsync(rpc, channel, StatusCode.Unauthenticated, "API_KEY_MALFORMED");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.Names), MemberType = typeof(RpcCatalog))]
    public async Task ExpiredKey_Unauthenticated(string rpc)
    {
        await _server.WaitForExpiryAsync();

        await RefusedAsync(rpc, _server.ChannelFor(_server.ExpiredKey), StatusCode.Unauthenticated, "API_KEY_EXPIRED");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.Names), MemberType = typeof(RpcCatalog))]
    public Task RevokedKey_Unauthenticated(string rpc) =>
        RefusedAsync(rpc, _server.ChannelFor(_server.RevokedKey), StatusCode.Unauthenticated, "API_KEY_REVOKED");

    [Theory]
    [MemberData(nameof(RpcCatalog.AboveRead), MemberType = typeof(RpcCatalog))]
    public async Task ReadKey_WhereMoreIsNeeded_PermissionDeniedNamingTheScope(string rpc)
    {
        var status = await RefusedAsync(rpc, _server.ChannelFor(_server.ReadKey), StatusCode.PermissionDenied, "SCOPE_MISSING");

        Assert.Equal(RpcCatalog.Get(rpc).Scope, status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["required_scope"]);
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.AdminOnly), MemberType = typeof(RpcCatalog))]
    public async Task WriteKey_OnAnAdminRpc_PermissionDenied(string rpc)
    {
        var status = await RefusedAsync(rpc, _server.ChannelFor(_server.WriteKey), StatusCode.PermissionDenied, "SCOPE_MISSING");

        Assert.Equal(ApiKeyScopes.Admin, status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["required_scope"]);
    }

    [Fact]
    public async Task WriteKey_ReadsAndWrites()
    {
        var seats = _server.SeatsFor(_server.WriteKey);

        var pool = await seats.GetSeatPoolAsync(new GetSeatPoolRequest { Name = _server.Pool }).ResponseAsync.WithTimeout();
        var assigned = await seats.AssignSeatAsync(Seeds.Assign(_server.Pool, Seeds.Email("writer"))).ResponseAsync.WithTimeout();
        await seats.RevokeSeatAsync(new RevokeSeatRequest { Name = assigned.Seat.Name }).ResponseAsync.WithTimeout();

        Assert.Equal(_server.Pool, pool.Pool.Name);
    }

    [Fact]
    public async Task ReadKey_Reads()
    {
        var seats = _server.SeatsFor(_server.ReadKey);

        var page = await seats.ListSeatsAsync(new ListSeatsRequest { Parent = _server.Pool }).ResponseAsync.WithTimeout();

        Assert.Contains(page.Seats, seat => seat.Name == _server.PendingSeat);
    }

    [Fact]
    public async Task HealthAndReflection_NeedNoKey()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(_server.ChannelFor(null));
        var reflection = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(_server.ChannelFor(null));

        var check = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest()).ResponseAsync.WithTimeout();
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = string.Empty }).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, check.Status);
        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "seats.v1.ApiKeyService");
    }

    private static Task<Google.Rpc.Status> RefusedAsync(string rpc, GrpcChannel channel, StatusCode code, string reason) =>
        RpcStatusAssert.FailsAsync(() => RpcCatalog.Get(rpc).CallAsync(channel), code, reason);
}
