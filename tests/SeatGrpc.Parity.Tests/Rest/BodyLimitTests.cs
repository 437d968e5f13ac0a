using System.Net;
using System.Text;
using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>
/// The 4 MiB body limit of the REST side (the gRPC receive limit; Kestrel alone would take 30 MB): 413 with a
/// RESOURCE_EXHAUSTED status body, whether the size is announced by Content-Length or found in a chunked body.
/// </summary>
public sealed class BodyLimitTests : IClassFixture<ParityServer>
{
    private const int Limit = 4 * 1024 * 1024;

    private readonly ParityServer _server;

    public BodyLimitTests(ParityServer server)
    {
        _server = server;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyOneByteOverFourMiB_Is413ResourceExhausted(bool chunked)
    {
        using var request = AssignRequest(EmailBody(Limit + 1), chunked);

        var response = await RestExchange.SendAsync(_server.Http, request);

        var status = response.Rejected(HttpStatusCode.RequestEntityTooLarge, StatusCode.ResourceExhausted, "BODY_TOO_LARGE");
        Assert.Equal("4194304", RpcStatusAssert.AssertReason(status, "BODY_TOO_LARGE").Metadata["limit_bytes"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyOfExactlyFourMiB_ReachesTheService(bool chunked)
    {
        using var request = AssignRequest(EmailBody(Limit), chunked);

        var response = await RestExchange.SendAsync(_server.Http, request);

        // The service refuses an email of 4 MiB: the body got past the limit and was read whole.
        response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", "email");
    }

    [Fact]
    public async Task BodyOverFourMiB_OverHttp2OnTheGrpcPort_Is413()
    {
        using var http2 = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.GrpcUri, Timeout = ParityServer.HttpTimeout };
        http2.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        using var request = AssignRequest(EmailBody(Limit + 1), chunked: false);

        // Cleartext HTTP/2 with prior knowledge, as the gRPC port speaks it.
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;

        var response = await RestExchange.SendAsync(http2, request);

        response.Rejected(HttpStatusCode.RequestEntityTooLarge, StatusCode.ResourceExhausted, "BODY_TOO_LARGE");
    }

    // {"email": "aaa…"} of exactly `size` bytes.
    private static string EmailBody(int size)
    {
        const string Prefix = "{\"email\": \"";
        const string Suffix = "\"}";
        var body = Prefix + new string('a', size - Prefix.Length - Suffix.Length) + Suffix;
        Assert.Equal(size, Encoding.UTF8.GetByteCount(body));
        return body;
    }

    private static HttpRequestMessage AssignRequest(string body, bool chunked)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/subscriptions/p1/seats", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = chunked;
        return request;
    }
}
