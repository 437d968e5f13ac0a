using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>One raw HTTP exchange with the REST port, for the edge cases: any method, body and content type.</summary>
internal sealed record RestExchange(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public static async Task<RestExchange> SendAsync(HttpClient http, string method, string url, string? body = null, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        return await SendAsync(http, request);
    }

    /// <summary>Sends a request built by the test (chunked, HTTP/2, ...) and reads the whole answer.</summary>
    public static async Task<RestExchange> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        return new RestExchange(response.StatusCode, response.Headers, response.Content.Headers, text);
    }

    /// <summary>Parses a 200 answer into <typeparamref name="T"/>.</summary>
    public T Ok<T>()
        where T : class, Google.Protobuf.IMessage<T>, new()
    {
        Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}: {Body}");
        RestJson.AssertJsonContentType(ContentHeaders.ContentType, Body);
        return RestJson.Parse(new Google.Protobuf.MessageParser<T>(() => new T()), Body);
    }

    /// <summary>Asserts a google.rpc.Status answer: HTTP status, code, ErrorInfo reason (domain seats.v1), and the BadRequest field if given.</summary>
    public Google.Rpc.Status Rejected(HttpStatusCode http, StatusCode code, string reason, string? field = null)
    {
        Assert.True(Status == http, $"Expected {(int)http}, got {(int)Status}: {Body}");
        RestJson.AssertJsonContentType(ContentHeaders.ContentType, Body);
        var status = RestJson.ParseStatus(Body);
        Assert.Equal((int)code, status.Code);
        Assert.NotEmpty(status.Message);
        RpcStatusAssert.AssertReason(status, reason);
        if (field is not null)
        {
            Assert.Equal([field], RpcStatusAssert.ViolatedFields(status));
        }

        return status;
    }
}
