using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SeatGrpc.Service.Tests.Auth;

/// <summary>
/// Another tenant's key over REST: each route on the default tenant's pool, seat or token answers exactly as on one
/// that never existed (same HTTP status, same JSON body), and the lists show the caller's tenant only.
/// </summary>
public sealed class RestTenantIsolationTests : IClassFixture<AuthServer>, IDisposable
{
    private const string NeverCreatedPool = "subscriptions/never-created";
    private const string NeverCreatedSeat = "seats/AAAAAAAAAAAAAAAAAAAAAA";

    private readonly AuthServer _server;
    private readonly HttpClient _http;

    public RestTenantIsolationTests(AuthServer server)
    {
        _server = server;
        _http = new HttpClient { BaseAddress = server.RestUri, Timeout = TimeSpan.FromSeconds(15) };
    }

    /// <summary>Route templates: POOL, SEAT and TOKEN stand for the default tenant's, or for ones that never existed.</summary>
    public static TheoryData<string, string, string?> Routes => new()
    {
        { "POST", "/v1/POOL/seats", """{"email": "intruder@example.com"}""" },
        { "GET", "/v1/POOL/seats", null },
        { "PUT", "/v1/POOL/seats", """{"changes": [{"assign": {"grantee": {"email": "intruder@example.com"}}}]}""" },
        { "GET", "/v1/POOL/seatEvents:watch", null },
        { "GET", "/v1/POOL", null },
        { "GET", "/v1/SEAT", null },
        { "DELETE", "/v1/SEAT", null },
        { "POST", "/v1/SEAT:resendInvitation", "{}" },
        { "POST", "/v1/seats:claim", """{"invitationToken": "TOKEN"}""" },
    };

    public void Dispose() => _http.Dispose();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_OnTheDefaultTenantsResource_AnswersAsOnAMissingOne(string method, string template, string? body)
    {
        var (theirStatus, theirBody) = await SendAsync(method, Fill(template, _server.Pool, _server.PendingSeat), body?.Replace("TOKEN", _server.PendingToken, StringComparison.Ordinal));
        var (missingStatus, missingBody) = await SendAsync(method, Fill(template, NeverCreatedPool, NeverCreatedSeat), body?.Replace("TOKEN", "never-issued", StringComparison.Ordinal));

        Assert.Equal(missingStatus, theirStatus);
        Assert.Equal(missingBody, theirBody);
        Assert.True(theirStatus is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{theirStatus}: {theirBody}");
    }

    [Fact]
    public async Task ClaimedSubscriptions_OfTheDefaultTenantsCustomer_Empty()
    {
        var (status, body) = await SendAsync("GET", $"/v1/customers/{_server.ClaimedCustomer}/claimedSubscriptions", null);

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(0, json.RootElement.GetProperty("claimedSubscriptions").GetArrayLength());
    }

    [Fact]
    public async Task ApiKeys_ListOnlyTheCallersAndRevokingTheDefaultTenantsIsNotFound()
    {
        var (listStatus, list) = await SendAsync("GET", "/v1/apiKeys", null);
        var (revokeStatus, revoke) = await SendAsync("POST", $"/v1/{_server.ReadKeyName}:revoke", "{}");

        Assert.Equal(HttpStatusCode.OK, listStatus);
        using var keys = JsonDocument.Parse(list);
        Assert.All(keys.RootElement.GetProperty("apiKeys").EnumerateArray(), key => Assert.Equal(AuthServer.OtherTenant, key.GetProperty("tenant").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, revokeStatus);
        Assert.Contains("API_KEY_NOT_FOUND", revoke, StringComparison.Ordinal);
    }

    private static string Fill(string template, string pool, string seat) =>
        template.Replace("POOL", pool, StringComparison.Ordinal).Replace("SEAT", seat, StringComparison.Ordinal);

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _server.OtherTenantKey);
        using var response = await _http.SendAsync(request).WithTimeout();
        return (response.StatusCode, await response.Content.ReadAsStringAsync().WithTimeout());
    }
}
