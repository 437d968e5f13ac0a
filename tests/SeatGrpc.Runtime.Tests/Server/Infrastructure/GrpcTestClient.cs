using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>Sends raw gRPC requests over h2c with HttpClient and reads the whole response, bounded in time.</summary>
public static class GrpcTestClient
{
    public const string EchoService = "/grpc.testing.echo.v1.EchoService/";

    public static Task<GrpcResponse> UnaryAsync(this HttpClient client, string method, IMessage request, params (string Name, string Value)[] headers) =>
        client.SendRawAsync(EchoService + method, GrpcFrames.Frame(request), headers);

    public static async Task<GrpcResponse> SendRawAsync(
        this HttpClient client,
        string path,
        byte[] body,
        (string Name, string Value)[]? headers = null,
        string contentType = "application/grpc")
    {
        using var request = CreateRequest(path, new ByteArrayContent(body), headers, contentType);
        request.Version = client.DefaultRequestVersion;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TestTimeouts.Default);
        return await ReadAsync(response);
    }

    public static HttpRequestMessage CreateRequest(string path, HttpContent content, (string Name, string Value)[]? headers = null, string contentType = "application/grpc")
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.ParseAdd("trailers");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static async Task<GrpcResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync().WaitAsync(TestTimeouts.Default);
        return new GrpcResponse
        {
            HttpStatus = response.StatusCode,
            Headers = response.Headers,
            Trailers = response.TrailingHeaders,
            Frames = GrpcFrames.Parse(body),
            ContentType = response.Content.Headers.ContentType?.ToString(),
        };
    }
}
