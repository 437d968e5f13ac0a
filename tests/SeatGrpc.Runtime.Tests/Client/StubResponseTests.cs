using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Google.Protobuf;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Testing;

namespace SeatGrpc.Runtime.Tests.Client;

/// <summary>The client against hand-made HTTP responses: what it sends, and how it reads odd answers.</summary>
public sealed class StubResponseTests
{
    [Fact]
    public async Task UnaryRequest_CarriesGrpcHeadersAndOneFramedMessage()
    {
        var handler = new StubHandler(_ => GrpcResponse(Frame(new EchoResponse { Message = "ok" }), status: "0"));
        using var channel = GrpcChannel.ForAddress("http://localhost:1", new GrpcChannelOptions { HttpHandler = handler });
        var client = new EchoService.EchoServiceClient(channel);
        var headers = new Metadata { { "x-plain", "v" }, { "x-data-bin", new byte[] { 1, 2, 3, 4 } } };

        var response = await client.EchoAsync(new EchoRequest { Message = "hi" }, headers, DateTime.UtcNow.AddSeconds(20)).ResponseAsync.WithTimeout();

        Assert.Equal("ok", response.Message);
        var request = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/grpc.testing.echo.v1.EchoService/Echo", request.RequestUri!.AbsolutePath);
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal("application/grpc", request.ContentType);
        Assert.Equal("trailers", request.Header("te"));
        Assert.Matches("^(19|20)[0-9]{3}m$", request.Header("grpc-timeout"));
        Assert.Equal("v", request.Header("x-plain"));
        Assert.Equal("AQIDBA", request.Header("x-data-bin"));
        Assert.Equal(Frame(new EchoRequest { Message = "hi" }), request.Body);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    public async Task NonOkHttpStatus_MapsToGrpcStatus(HttpStatusCode httpStatus, StatusCode expected)
    {
        var error = await CallFailing(_ => new HttpResponseMessage(httpStatus) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) });

        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task WrongContentType_FailsWithUnknown()
    {
        var error = await CallFailing(_ =>
        {
            var response = GrpcResponse([], status: "0");
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
            return response;
        });

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("text/html", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailersOnlyResponse_TakesStatusFromHeaders()
    {
        var error = await CallFailing(_ =>
        {
            var response = GrpcResponse([], status: null);
            response.Headers.Add("grpc-status", "5");
            response.Headers.Add("grpc-message", "seat%20not%20found");
            return response;
        });

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("seat not found", error.Status.Detail);
    }

    [Fact]
    public async Task MessageOverReceiveLimit_FailsWithResourceExhaustedBeforeReadingIt()
    {
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), 5 * 1024 * 1024);

        var error = await CallFailing(_ => GrpcResponse(header, status: "0"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task TruncatedMessage_FailsWithInternal()
    {
        var framed = Frame(new EchoResponse { Message = "cut short" });

        var error = await CallFailing(_ => GrpcResponse(framed[..^2], status: "0"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task MissingGrpcStatus_FailsWithInternal()
    {
        var error = await CallFailing(_ => GrpcResponse(Frame(new EchoResponse()), status: null));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task OkStatusWithoutMessage_FailsUnaryCallWithInternal()
    {
        var error = await CallFailing(_ => GrpcResponse([], status: "0"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task ConnectionRefused_FailsWithUnavailable()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task ServerNeverAnswers_DeadlineStillFailsTheCall()
    {
        // Accepts the TCP connection and then says nothing, not even the HTTP/2 preface.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accept = listener.AcceptSocketAsync();
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
            var client = new EchoService.EchoServiceClient(channel);

            var error = await Assert.ThrowsAsync<RpcException>(() =>
                client.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync.WithTimeout());

            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
            (await accept.WithTimeout()).Dispose();
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<RpcException> CallFailing(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        using var channel = GrpcChannel.ForAddress("http://localhost:1", new GrpcChannelOptions { HttpHandler = new StubHandler(respond) });
        var client = new EchoService.EchoServiceClient(channel);
        using var call = client.EchoAsync(new EchoRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WithTimeout());
        Assert.Equal(error.StatusCode, call.GetStatus().StatusCode);
        return error;
    }

    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var framed = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(framed, 5);
        return framed;
    }

    private static HttpResponseMessage GrpcResponse(byte[] body, string? status)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        if (status is not null)
        {
            response.TrailingHeaders.Add("grpc-status", status);
        }

        return response;
    }

    private sealed record RecordedRequest(HttpMethod Method, Uri? RequestUri, Version Version, string? ContentType, HttpRequestHeaders Headers, byte[] Body)
    {
        public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri, request.Version, request.Content?.Headers.ContentType?.MediaType, request.Headers, body));
            return respond(request);
        }
    }
}
