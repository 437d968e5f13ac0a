using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Gateway.Tests;

/// <summary>
/// The real seats.v1 contract binds: every HTTP rule becomes a route that reaches the service.
/// The service here is the generated base class (UNIMPLEMENTED everywhere); the parity suite
/// against the real SeatService is tests/SeatGrpc.Parity.Tests.
/// </summary>
public sealed class SeatsContractTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcJsonGateway();
        _app = builder.Build();
        _app.MapGrpcService<UnimplementedSeatService>();
        _app.MapGrpcJsonGateway();
        await _app.StartAsync().WaitAsync(GatewayServerFixture.Timeout);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = GatewayServerFixture.Timeout };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(GatewayServerFixture.Timeout);
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("POST", "/v1/subscriptions/s1/seats", "{\"email\": \"a@example.com\"}")]
    [InlineData("POST", "/v1/orders/o1/seats", "{}")]
    [InlineData("GET", "/v1/subscriptions/s1/seats?pageSize=10&status=SEAT_STATUS_CLAIMED", null)]
    [InlineData("GET", "/v1/orders/o1/seats", null)]
    [InlineData("GET", "/v1/seats/x1", null)]
    [InlineData("DELETE", "/v1/seats/x1?etag=e", null)]
    [InlineData("POST", "/v1/seats/x1:resendInvitation", "{}")]
    [InlineData("POST", "/v1/seats:claim", "{\"invitationToken\": \"t\"}")]
    [InlineData("GET", "/v1/customers/c1/claimedSubscriptions", null)]
    [InlineData("PUT", "/v1/subscriptions/s1/seats", "{\"changes\": [{\"assign\": {\"grantee\": {\"email\": \"a@example.com\"}}}]}")]
    [InlineData("PUT", "/v1/orders/o1/seats", "{\"changes\": []}")]
    [InlineData("GET", "/v1/subscriptions/s1/seatEvents:watch?afterSequence=3", null)]
    [InlineData("PUT", "/v1/subscriptions/s1", "{\"totalSeats\": 5}")]
    [InlineData("PUT", "/v1/orders/o1", "{\"totalSeats\": 5}")]
    [InlineData("GET", "/v1/subscriptions/s1", null)]
    [InlineData("GET", "/v1/orders/o1", null)]
    public async Task EveryRoute_ReachesTheService(string method, string url, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await Client.SendAsync(request);

        // Bound and invoked: the generated base class answers UNIMPLEMENTED.
        var status = await JsonAssert.ReadAsync(response, HttpStatusCode.NotImplemented);
        Assert.Equal(12, status.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task OpenApi_HasEveryBindingOfTheContract()
    {
        var document = await JsonAssert.ReadAsync(await Client.GetAsync("/openapi.json"), HttpStatusCode.OK);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value.GetProperty("operationId").GetString()))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(17, operations.Length); // 6 rules with one additional binding each, 5 without
        Assert.Contains("SeatService_UpsertSeatPool_2", operations);
        Assert.DoesNotContain(operations, op => op!.StartsWith("SeatService_ManageSeats", StringComparison.Ordinal));
        var upsert = document.GetProperty("paths").GetProperty("/v1/subscriptions/{name}").GetProperty("put");
        Assert.Equal(
            "#/components/schemas/seats.v1.SeatPool",
            upsert.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        // GET /v1/subscriptions/{name} and PUT /v1/{pool.name=subscriptions/*} are one OpenAPI path.
        var parameter = upsert.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("in").GetString() == "path");
        Assert.Equal("name", parameter.GetProperty("name").GetString());
        Assert.StartsWith("Sets `pool.name` to `subscriptions/*`", parameter.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["name", "requestId"], upsert.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    private sealed class UnimplementedSeatService : Seats.V1.SeatService.SeatServiceBase;
}
