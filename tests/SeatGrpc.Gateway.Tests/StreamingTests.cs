using System.Net;
using System.Text.Json;

namespace SeatGrpc.Gateway.Tests;

public sealed class StreamingTests : IClassFixture<GatewayServerFixture>
{
    private readonly HttpClient _client;

    public StreamingTests(GatewayServerFixture fixture) => _client = fixture.Client;

    private async Task<(HttpResponseMessage Response, List<JsonElement> Lines)> WatchAsync(string query)
    {
        var response = await _client.GetAsync("/v1/shelves/s1/things:watch?" + query, HttpCompletionOption.ResponseHeadersRead);
        var lines = new List<JsonElement>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        }

        return (response, lines);
    }

    [Fact]
    public async Task ServerStream_IsOneJsonObjectPerLine()
    {
        var (response, lines) = await WatchAsync("count=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["shelves/s1/things/0", "shelves/s1/things/1", "shelves/s1/things/2"], lines.Select(line => line.GetProperty("name").GetString()));
        Assert.Equal(0, lines[0].GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task EachMessage_IsFlushedAsItIsWritten()
    {
        using var response = await _client.GetAsync("/v1/shelves/held/things:watch?count=2&hold=true", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        // The service waits after its first message: that line must arrive before the stream ends.
        var first = await reader.ReadLineAsync().WaitAsync(GatewayServerFixture.Timeout);
        Fakes.FakeTestService.Release("shelves/held");
        var rest = await reader.ReadToEndAsync().WaitAsync(GatewayServerFixture.Timeout);

        Assert.Equal("shelves/held/things/0", JsonDocument.Parse(first!).RootElement.GetProperty("name").GetString());
        Assert.Equal("shelves/held/things/1", JsonDocument.Parse(rest).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task EmptyStream_IsOkWithNoLines()
    {
        var (response, lines) = await WatchAsync("count=0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(lines);
    }

    [Fact]
    public async Task ErrorAfterFirstMessage_IsFinalStatusLine()
    {
        var (response, lines) = await WatchAsync("count=2&failCode=9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, lines.Count);
        var error = lines[2].GetProperty("error");
        Assert.Equal(9, error.GetProperty("code").GetInt32());
        Assert.Equal("stream failed", error.GetProperty("message").GetString());
        Assert.Equal("STREAM_FAILED", error.GetProperty("details")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ErrorBeforeFirstMessage_IsPlainErrorResponse()
    {
        var response = await _client.GetAsync("/v1/shelves/s1/things:watch?count=0&failCode=5");

        await JsonAssert.ErrorAsync(response, HttpStatusCode.NotFound, 5);
    }
}
