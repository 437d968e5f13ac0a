using System.Net;
using System.Text;

namespace SeatGrpc.Gateway.Tests;

public sealed class BodyTests : IClassFixture<GatewayServerFixture>
{
    private readonly HttpClient _client;

    public BodyTests(GatewayServerFixture fixture) => _client = fixture.Client;

    private Task<HttpResponseMessage> PutAsync(string body, string? contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return _client.PutAsync("/v1/things/t1", content);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task JsonContentTypes_AreAccepted(string contentType)
    {
        var response = await PutAsync("{\"size\": 4}", contentType);

        var thing = await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(4, thing.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task ProtoFieldNames_AreAcceptedInBody()
    {
        var response = await _client.PostAsync("/v1/shelves/s1/things", new StringContent("{\"create_time\": \"2020-01-01T00:00:00Z\", \"size\": 1}", Encoding.UTF8, "application/json"));

        await JsonAssert.ReadAsync(response, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{\"size\": ")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public async Task MalformedJson_IsInvalidArgument(string body)
    {
        var response = await PutAsync(body);

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
        Assert.StartsWith("Invalid JSON body: ", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task UnknownJsonField_IsInvalidArgumentNamingIt()
    {
        var response = await PutAsync("{\"sise\": 4}");

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
        Assert.Contains("sise", status.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongJsonType_IsInvalidArgument()
    {
        var response = await PutAsync("{\"size\": \"big\"}");

        await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    public async Task MissingBody_IsInvalidArgument(string? contentType)
    {
        var response = await PutAsync(string.Empty, contentType);

        var status = await JsonAssert.ErrorAsync(response, HttpStatusCode.BadRequest, 3);
        Assert.Equal("The request body is missing; this method takes a JSON body (send {} for no fields).", status.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task WrongContentType_Is415(string contentType)
    {
        var response = await PutAsync("{\"size\": 4}", contentType);

        await JsonAssert.ErrorAsync(response, HttpStatusCode.UnsupportedMediaType, 3);
    }

    [Fact]
    public async Task NoContentType_Is415()
    {
        var response = await PutAsync("{\"size\": 4}", null);

        await JsonAssert.ErrorAsync(response, HttpStatusCode.UnsupportedMediaType, 3);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OversizeBody_Is413ResourceExhausted(bool chunked)
    {
        // The fixture sets a 64 KiB limit.
        var body = "{\"name\": \"" + new string('x', 70 * 1024) + "\"}";
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (chunked)
        {
            content.Headers.ContentLength = null;
            using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/things/t1") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TransferEncodingChunked = true;
            var streamed = await _client.SendAsync(request);
            var streamedStatus = await JsonAssert.ErrorAsync(streamed, HttpStatusCode.RequestEntityTooLarge, 8);
            Assert.Equal("The request body is larger than the limit of 65536 bytes.", streamedStatus.GetProperty("message").GetString());
            return;
        }

        var response = await _client.PutAsync("/v1/things/t1", content);

        await JsonAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, 8);
    }
}
