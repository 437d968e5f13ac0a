using System.Net;
using System.Net.Http.Json;

namespace SeatGrpc.Gateway.Tests;

public sealed class RoutingTests : IClassFixture<GatewayServerFixture>
{
    private readonly HttpClient _client;

    public RoutingTests(GatewayServerFixture fixture) => _client = fixture.Client;

    [Theory]
    [InlineData("/v1/things/t1", "things/t1")]
    [InlineData("/v1/things/a%2Fb", "things/a%2Fb")] // multi-segment variable: %2F stays as sent
    [InlineData("/v1/things/a%20b%3Ac", "things/a b:c")]
    [InlineData("/v1/things/a:b", "things/a:b")]
    public async Task GetMultiSegmentName_BindsNameAsTheSpecDecodesIt(string path, string name)
    {
        var response = await _client.GetAsync(path);

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(name, thing.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/v1/items/a%2Fb", "items/a/b")] // single-segment variable: %2F decodes into the value
    [InlineData("/v1/items/caf%C3%A9", "items/café")]
    [InlineData("/v1/items/a+b", "items/a+b")]
    public async Task GetSingleSegmentId_DecodesEveryEscape(string path, string name)
    {
        var response = await _client.GetAsync(path);

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(name, thing.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AdditionalBinding_RoutesToTheSameRpc()
    {
        var response = await _client.GetAsync("/v1/boxes/b1/things?pageSize=2");

        var list = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal("boxes/b1/things/1", list.GetProperty("things")[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task VerbOnResource_RoutesToCustomMethod()
    {
        var response = await _client.PostAsJsonAsync("/v1/things/t1:polish", new { strength = 3 });

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("things/t1", thing.GetProperty("name").GetString());
        Assert.Equal(3, thing.GetProperty("size").GetInt32());
        Assert.Equal("polish", thing.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task VerbOnCollection_RoutesToCustomMethod()
    {
        var response = await _client.PostAsJsonAsync("/v1/things:claim", new { token = "abc" });

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("things/abc", thing.GetProperty("name").GetString());
        Assert.Equal("claim", thing.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Put_BindsWholeBodyThenPathOverridesIt()
    {
        var response = await _client.PutAsJsonAsync("/v1/things/t1", new { name = "things/other", size = 5 });

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("things/t1", thing.GetProperty("name").GetString());
        Assert.Equal(5, thing.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Patch_BindsBodyFieldNestedPathFieldAndQuery()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/things/t1?updateMask=size,color")
        {
            Content = JsonContent.Create(new { name = "ignored", size = 2, color = "COLOR_RED" }),
        };

        var response = await _client.SendAsync(request);

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("things/t1", thing.GetProperty("name").GetString());
        Assert.Equal("COLOR_RED", thing.GetProperty("color").GetString());
        Assert.Equal("size,color", thing.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task PostBodyField_TakesOtherFieldsFromQuery()
    {
        var response = await _client.PostAsJsonAsync("/v1/shelves/s1/things?request_id=r1", new { size = 1, color = 2 });

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("shelves/s1/things/new", thing.GetProperty("name").GetString());
        Assert.Equal("r1", thing.GetProperty("origin").GetString());
        Assert.Equal("COLOR_BLUE", thing.GetProperty("color").GetString());
        Assert.Equal("2024-01-02T03:04:05Z", thing.GetProperty("createTime").GetString());
    }

    [Fact]
    public async Task Delete_BindsQueryString()
    {
        var response = await _client.DeleteAsync("/v1/things/t1?etag=e1");

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("delete:e1", thing.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task RequestHeader_ReachesHandlerAsMetadata()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/things/t1");
        request.Headers.Add("x-origin", "from-rest");

        var response = await _client.SendAsync(request);

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("from-rest", thing.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Head_Is405WithAllow()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/v1/things/t1");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["DELETE", "GET", "PATCH", "PUT"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task VerbPathUnderAnotherMethod_Is405NotAnIdWithAColon()
    {
        // GET /v1/{name=things/*} would take "t1:polish" as the id; the path names the POST custom method.
        var response = await _client.GetAsync("/v1/things/t1:polish");

        await JsonAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed, 12);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task WrongMethod_Is405WithAllowAndStatusBody()
    {
        var response = await _client.PostAsJsonAsync("/v1/things/t1", new { });

        await JsonAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed, 12);
        Assert.Equal(["DELETE", "GET", "PATCH", "PUT"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/v1/nothing")]
    [InlineData("/v1/things")]
    [InlineData("/v1/things/a/b")]
    public async Task UnknownPath_Is404NotFound(string path)
    {
        var response = await _client.PostAsJsonAsync(path, new { });

        await JsonAssert.ErrorAsync(response, HttpStatusCode.NotFound, 5);
    }
}
