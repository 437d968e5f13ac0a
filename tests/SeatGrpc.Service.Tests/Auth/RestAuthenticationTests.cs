using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Tests.Auth;

/// <summary>
/// Every REST route refused as its gRPC twin is: 401 with <c>WWW-Authenticate: Bearer</c> for a missing or bad key,
/// 403 for a missing scope, and the <c>google.rpc.Status</c> with its ErrorInfo as the JSON body.
/// </summary>
public sealed class RestAuthenticationTests : IClassFixture<AuthServer>, IDisposable
{
    private readonly AuthServer _server;
    private readonly HttpClient _http;

    public RestAuthenticationTests(AuthServer server)
    {
        _server = server;
        _http = new HttpClient { BaseAddress = server.RestUri, Timeout = TimeSpan.FromSeconds(15) };
    }

    public void Dispose() => _http.Dispose();

    [Theory]
    [MemberData(nameof(RpcCatalog.RestNames), MemberType = typeof(RpcCatalog))]
    public async Task NoKey_401BearerChallengeAndApiKeyMissing(string rpc)
    {
        var (response, status) = await SendAsync(rpc, authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        AssertStatus(status, 16, "API_KEY_MISSING");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.RestNames), MemberType = typeof(RpcCatalog))]
    public async Task UnknownKey_401InvalidToken(string rpc)
    {
        var (response, status) = await SendAsync(rpc, new AuthenticationHeaderValue("Bearer", _server.UnknownKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        AssertStatus(status, 16, "API_KEY_INVALID");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.RestNames), MemberType = typeof(RpcCatalog))]
    public async Task BasicCredentials_401Malformed(string rpc)
    {
        var (response, status) = await SendAsync(rpc, new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNzd29yZA=="));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertStatus(status, 16, "API_KEY_MALFORMED");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.RestNames), MemberType = typeof(RpcCatalog))]
    public async Task ExpiredKey_401Expired(string rpc)
    {
        await _server.WaitForExpiryAsync();

        var (response, status) = await SendAsync(rpc, new AuthenticationHeaderValue("Bearer", _server.ExpiredKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertStatus(status, 16, "API_KEY_EXPIRED");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.RestNames), MemberType = typeof(RpcCatalog))]
    public async Task RevokedKey_401Revoked(string rpc)
    {
        var (response, status) = await SendAsync(rpc, new AuthenticationHeaderValue("Bearer", _server.RevokedKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertStatus(status, 16, "API_KEY_REVOKED");
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.RestAboveRead), MemberType = typeof(RpcCatalog))]
    public async Task ReadKey_WhereMoreIsNeeded_403InsufficientScope(string rpc)
    {
        var (response, status) = await SendAsync(rpc, new AuthenticationHeaderValue("Bearer", _server.ReadKey));

        var scope = RpcCatalog.Get(rpc).Scope;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"Bearer error=\"insufficient_scope\", scope=\"{scope}\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        var info = AssertStatus(status, 7, "SCOPE_MISSING");
        Assert.Equal(scope, info.GetProperty("metadata").GetProperty("required_scope").GetString());
    }

    [Theory]
    [MemberData(nameof(RpcCatalog.AdminOnly), MemberType = typeof(RpcCatalog))]
    public async Task WriteKey_OnAnAdminRoute_403(string rpc)
    {
        var (response, status) = await SendAsync(rpc, new AuthenticationHeaderValue("Bearer", _server.WriteKey));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertStatus(status, 7, "SCOPE_MISSING");
    }

    [Fact]
    public async Task OtherTenantKey_PoolOfTheDefaultTenant_404LikeAMissingOne()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/{_server.Pool}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _server.OtherTenantKey);
        using var response = await _http.SendAsync(request).WithTimeout();
        using var missingRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/subscriptions/never-created");
        missingRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _server.OtherTenantKey);
        using var missing = await _http.SendAsync(missingRequest).WithTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminKey_CreatesAReadKeyThatReads()
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/apiKeys")
        {
            Content = new StringContent("""{"scopes": ["seats:read"]}""", Encoding.UTF8, "application/json"),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        using var created = await _http.SendAsync(create).WithTimeout();
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var key = body.RootElement.GetProperty("key").GetString()!;
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v1/{_server.Pool}/seats");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var listed = await _http.SendAsync(read).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal([ApiKeyScopes.Read], body.RootElement.GetProperty("apiKey").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Status)> SendAsync(string rpc, AuthenticationHeaderValue? authorization)
    {
        var route = RpcCatalog.Get(rpc);
        using var request = new HttpRequestMessage(new HttpMethod(route.RestMethod!), route.RestPath);
        if (route.RestBody is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = authorization;
        var response = await _http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    private static JsonElement AssertStatus(JsonElement status, int code, string reason)
    {
        Assert.Equal(code, status.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("message").GetString()));
        var info = Assert.Single(status.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", info.GetProperty("@type").GetString());
        Assert.Equal(reason, info.GetProperty("reason").GetString());
        Assert.Equal("seats.v1", info.GetProperty("domain").GetString());
        return info;
    }
}
