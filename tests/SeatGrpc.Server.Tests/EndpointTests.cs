using System.Net;
using System.Text.RegularExpressions;

namespace SeatGrpc.Server.Tests;

/// <summary>The built server on port 0 (a child process): the listening line, and the protocols of its two ports.</summary>
public sealed partial class EndpointTests : IClassFixture<ServerProcessFixture>
{
    private readonly ServerProcessFixture _server;

    public EndpointTests(ServerProcessFixture server)
    {
        _server = server;
    }

    [Fact]
    public void PortZero_OneListeningLineInTheDocumentedFormat()
    {
        var lines = _server.Process.Output.Where(line => line.Contains("seatgrpc listening", StringComparison.Ordinal)).ToList();

        var line = Assert.Single(lines);
        var match = ListeningLine().Match(line);
        Assert.True(match.Success, line);
        var grpc = int.Parse(match.Groups["grpc"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rest = int.Parse(match.Groups["rest"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(grpc, rest);
        Assert.Equal(new Uri($"http://127.0.0.1:{grpc}/"), _server.Process.GrpcUri);
        Assert.Equal(new Uri($"http://127.0.0.1:{rest}/"), _server.Process.RestUri);
    }

    [Fact]
    public void PortZero_ListeningLineReadableByAShellScript()
    {
        // What a script does: grep the line, cut the fields, strip the scheme and the slash.
        var line = _server.Process.Output.Single(l => l.Contains("seatgrpc listening", StringComparison.Ordinal));
        var fields = line[line.IndexOf("grpc=", StringComparison.Ordinal)..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);

        Assert.Equal(_server.Process.GrpcUri.Port, new Uri(fields["grpc"]).Port);
        Assert.Equal(_server.Process.RestUri.Port, new Uri(fields["rest"]).Port);
    }

    [Fact]
    public async Task RestPort_Http11_AnswersTheGateway()
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.GetAsync(new Uri(_server.Process.RestUri, "openapi.json")).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
    }

    [Fact]
    public async Task RestPort_Http2PriorKnowledge_Refused()
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(_server.Process.RestUri, "openapi.json")).WithTimeout());
    }

    [Fact]
    public async Task GrpcPort_H2cPriorKnowledge_AnswersHealthCheck()
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Process.GrpcUri, "grpc.health.v1.Health/Check"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            // One uncompressed message of length 0: an empty HealthCheckRequest (service "").
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");

        using var response = await client.SendAsync(request).WithTimeout();
        var body = await response.Content.ReadAsByteArrayAsync().WithTimeout();

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));

        // Frame: flag 0, length 2, field 1 (status) varint 1 = SERVING.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 0x08, 0x01 }, body);
    }

    [Fact]
    public async Task GrpcPort_Http11_RefusedWith400()
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Kestrel answers an HTTP/1.x request on an HTTP/2-only endpoint with 400 and closes the connection.
        using var response = await client.GetAsync(new Uri(_server.Process.GrpcUri, "openapi.json")).WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GrpcPort_RestRoutesOverH2c_Served()
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.GetAsync(new Uri(_server.Process.GrpcUri, "openapi.json")).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [GeneratedRegex(@"^info: SeatGrpc\.Server\[1\] seatgrpc listening grpc=http://127\.0\.0\.1:(?<grpc>[1-9][0-9]{0,4})/ rest=http://127\.0\.0\.1:(?<rest>[1-9][0-9]{0,4})/$")]
    private static partial Regex ListeningLine();
}
