using System.Net;

namespace SeatGrpc.Gateway.Tests;

public sealed class QueryBindingTests : IClassFixture<GatewayServerFixture>
{
    private readonly HttpClient _client;

    public QueryBindingTests(GatewayServerFixture fixture) => _client = fixture.Client;

    [Fact]
    public async Task EveryFieldKind_BindsFromQuery()
    {
        var query = "text=a%26b+c&number=-5&big=9007199254740993&flag=true&ratio=0.5&color=COLOR_BLUE"
            + "&tags=x&tags=y&colors=COLOR_RED&colors=2&inner.text=deep&inner.count=7"
            + "&when=2024-01-02T03:04:05Z&wait=1.5s&maybe=3&data=AQID&mask=a.b,c";

        var response = await _client.GetAsync("/v1/echo?" + query);

        var echo = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("a&b c", echo.GetProperty("text").GetString());
        Assert.Equal(-5, echo.GetProperty("number").GetInt32());
        Assert.Equal("9007199254740993", echo.GetProperty("big").GetString());
        Assert.True(echo.GetProperty("flag").GetBoolean());
        Assert.Equal(0.5, echo.GetProperty("ratio").GetDouble());
        Assert.Equal("COLOR_BLUE", echo.GetProperty("color").GetString());
        Assert.Equal(["x", "y"], echo.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["COLOR_RED", "COLOR_BLUE"], echo.GetProperty("colors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("deep", echo.GetProperty("inner").GetProperty("text").GetString());
        Assert.Equal("7", echo.GetProperty("inner").GetProperty("count").GetString());
        Assert.Equal("2024-01-02T03:04:05Z", echo.GetProperty("when").GetString());
        Assert.Equal("1.500s", echo.GetProperty("wait").GetString());
        Assert.Equal(3, echo.GetProperty("maybe").GetInt32());
        Assert.Equal("AQID", echo.GetProperty("data").GetString());
        Assert.Equal("a.b,c", echo.GetProperty("mask").GetString());
    }

    [Theory]
    [InlineData("page_size=2")]
    [InlineData("pageSize=2")]
    public async Task ProtoAndJsonNames_BothBind(string query)
    {
        var response = await _client.GetAsync("/v1/shelves/s1/things?" + query);

        var list = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("color=COLOR_RED")]
    [InlineData("color=1")]
    public async Task Enum_BindsByNameOrNumber(string query)
    {
        var response = await _client.GetAsync("/v1/shelves/s1/things?pageSize=1&" + query);

        var list = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("COLOR_RED", list.GetProperty("things")[0].GetProperty("color").GetString());
    }

    [Fact]
    public async Task DefaultValues_AreWritten()
    {
        var response = await _client.GetAsync("/v1/shelves/s1/things");

        var list = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(0, list.GetProperty("things").GetArrayLength());
    }

    [Fact]
    public async Task ResponseBody_WritesOnlyThatField()
    {
        var response = await _client.GetAsync("/v1/echo:labels?text=hi");

        var labels = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("hi", labels.GetProperty("text").GetString());
        Assert.Single(labels.EnumerateObject());
    }

    [Theory]
    [InlineData("/v1/echo?nope=1", "Unknown query parameter 'nope': no field 'nope' in message gateway.test.v1.EchoMessage.")]
    [InlineData("/v1/echo?inner.nope=1", "Unknown query parameter 'inner.nope': no field 'nope' in message gateway.test.v1.Inner.")]
    [InlineData("/v1/echo?text.x=1", "Unknown query parameter 'text.x': 'text' is not a message field.")]
    [InlineData("/v1/echo?number=abc", "Invalid value 'abc' for query parameter 'number': expected a 32-bit integer.")]
    [InlineData("/v1/echo?number=99999999999", "Invalid value '99999999999' for query parameter 'number': expected a 32-bit integer.")]
    [InlineData("/v1/echo?flag=yes", "Invalid value 'yes' for query parameter 'flag': expected true or false.")]
    [InlineData("/v1/echo?color=PURPLE", "Invalid value 'PURPLE' for query parameter 'color': expected one of COLOR_UNSPECIFIED, COLOR_RED, COLOR_BLUE or a number.")]
    [InlineData("/v1/echo?number=1&number=2", "Query parameter 'number' is given 2 times but is not a repeated field.")]
    [InlineData("/v1/echo?labels=a", "Query parameter 'labels' names a message or map field; set one of its fields instead.")]
    [InlineData("/v1/echo?inner=a", "Query parameter 'inner' names a message or map field; set one of its fields instead.")]
    [InlineData("/v1/things/t1?name=x", "Query parameter 'name' names a field bound by the path.")]
    [InlineData("/v1/shelves/s1/things:watch?parent=x", "Query parameter 'parent' names a field bound by the path.")]
    public async Task BadQuery_IsInvalidArgumentWithClearMessage(string url, string message)
    {
        var response = await _client.GetAsync(url);

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
        Assert.Equal(message, status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task WrongTimestamp_IsInvalidArgument()
    {
        var response = await _client.GetAsync("/v1/echo?when=yesterday");

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
        Assert.StartsWith("Invalid value 'yesterday' for query parameter 'when': expected the JSON form of google.protobuf.Timestamp", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task QueryOnWholeBodyRoute_IsInvalidArgument()
    {
        var response = await _client.PostAsync("/v1/things:claim?token=x", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
        Assert.Equal("Unknown query parameter 'token': this method takes every field in the JSON body.", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task QueryNamingBodyField_IsInvalidArgument()
    {
        var response = await _client.PostAsync("/v1/shelves/s1/things?thing.size=1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
        Assert.Equal("Query parameter 'thing.size' names a field of the request body.", status.GetProperty("message").GetString());
    }
}
