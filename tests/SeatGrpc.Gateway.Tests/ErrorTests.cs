using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using SeatGrpc.Gateway.Internal;

namespace SeatGrpc.Gateway.Tests;

public sealed class ErrorTests : IClassFixture<GatewayServerFixture>
{
    private readonly HttpClient _client;

    public ErrorTests(GatewayServerFixture fixture) => _client = fixture.Client;

    public static TheoryData<StatusCode, int> Mapping => new()
    {
        { StatusCode.Cancelled, 499 },
        { StatusCode.Unknown, 500 },
        { StatusCode.InvalidArgument, 400 },
        { StatusCode.DeadlineExceeded, 504 },
        { StatusCode.NotFound, 404 },
        { StatusCode.AlreadyExists, 409 },
        { StatusCode.PermissionDenied, 403 },
        { StatusCode.ResourceExhausted, 429 },
        { StatusCode.FailedPrecondition, 400 },
        { StatusCode.Aborted, 409 },
        { StatusCode.OutOfRange, 400 },
        { StatusCode.Unimplemented, 501 },
        { StatusCode.Internal, 500 },
        { StatusCode.Unavailable, 503 },
        { StatusCode.DataLoss, 500 },
        { StatusCode.Unauthenticated, 401 },
    };

    [Theory]
    [MemberData(nameof(Mapping))]
    public void StatusCode_MapsToTranscodingHttpStatus(StatusCode code, int http)
    {
        Assert.Equal(http, StatusHttpMapping.ToHttpStatus(code));
    }

    [Theory]
    [MemberData(nameof(Mapping))]
    public async Task RpcException_IsStatusBodyWithMappedHttpStatus(StatusCode code, int http)
    {
        var response = await _client.PostAsJsonAsync("/v1/fail", new { code = (int)code, message = "it failed" });

        var status = await JsonAssert.ErrorAsync(response, (HttpStatusCode)http, (int)code);
        Assert.Equal("it failed", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StatusDetails_AreWrittenWithTypeUrls()
    {
        var response = await _client.PostAsJsonAsync("/v1/fail", new { code = 9, message = "no seats", reason = "NO_SEATS_AVAILABLE" });

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 9);
        var info = Assert.Single(status.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", info.GetProperty("@type").GetString());
        Assert.Equal("NO_SEATS_AVAILABLE", info.GetProperty("reason").GetString());
        Assert.Equal("gateway.test.v1", info.GetProperty("domain").GetString());
        Assert.Equal("v", info.GetProperty("metadata").GetProperty("k").GetString());
    }

    [Fact]
    public async Task HandlerCrash_Is500WithoutInternals()
    {
        var response = await _client.PostAsJsonAsync("/v1/fail", new { crash = true });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/lib", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/v1/things/t1?bogus=1", null, null, 400, "UNKNOWN_QUERY_PARAMETER", "bogus")]
    [InlineData("GET", "/v1/shelves/s1/things?pageSize=big", null, null, 400, "INVALID_QUERY_PARAMETER", "page_size")]
    [InlineData("GET", "/v1/shelves/s1/things?page_size=1&pageSize=2", null, null, 400, "INVALID_QUERY_PARAMETER", "page_size")]
    [InlineData("POST", "/v1/things:claim", null, null, 400, "MISSING_BODY", null)]
    [InlineData("POST", "/v1/things:claim", "{\"token\": ", "application/json", 400, "MALFORMED_JSON", null)]
    [InlineData("POST", "/v1/things:claim", "{\"nope\": 1}", "application/json", 400, "INVALID_JSON_BODY", null)]
    [InlineData("POST", "/v1/things:claim", "{}", "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE", null)]
    [InlineData("POST", "/v1/things/t1", "{}", "application/json", 405, "METHOD_NOT_ALLOWED", null)]
    [InlineData("GET", "/v1/nothing", null, null, 404, "ROUTE_NOT_FOUND", null)]
    public async Task GatewayRejection_CarriesErrorInfoAndBadRequest(string method, string path, string? body, string? contentType, int http, string reason, string? field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await _client.SendAsync(request);

        var status = await JsonAssert.ReadAsync(response, (HttpStatusCode)http);
        var details = status.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", details[0].GetProperty("@type").GetString());
        Assert.Equal(reason, details[0].GetProperty("reason").GetString());
        Assert.Equal("grpc-json-gateway", details[0].GetProperty("domain").GetString());
        if (field is null)
        {
            Assert.Single(details);
        }
        else
        {
            Assert.Equal("type.googleapis.com/google.rpc.BadRequest", details[1].GetProperty("@type").GetString());
            var violation = Assert.Single(details[1].GetProperty("fieldViolations").EnumerateArray());
            Assert.Equal(field, violation.GetProperty("field").GetString());
            Assert.Equal(status.GetProperty("message").GetString(), violation.GetProperty("description").GetString());
        }
    }
}
