using System.Net;
using System.Text.Json;

namespace SeatGrpc.Gateway.Tests;

internal static class JsonAssert
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string mediaType = "application/json")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a google.rpc.Status body with the given HTTP status and gRPC code; returns its message.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected, int code)
    {
        var status = await ReadAsync(response, expected);
        Assert.Equal(code, status.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("message").GetString()));
        return status;
    }
}
