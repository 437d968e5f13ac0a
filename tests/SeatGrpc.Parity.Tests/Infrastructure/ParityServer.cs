using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Server.Hosting;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>
/// The real host (<c>SeatGrpcApp.Build</c>) on port 0, with both ways in: <see cref="Grpc"/> (the generated client over
/// <see cref="Grpc.Net.Client.GrpcChannel"/>) and <see cref="Rest"/> (an <see cref="HttpClient"/> on the REST port).
/// </summary>
public sealed class ParityServer : SeatServerFixture
{
    /// <summary>The bound of one HTTP exchange made by a test.</summary>
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(15);

    private HttpClient? _http;

    /// <summary>Gets an HTTP/1.1 client whose base address is the REST port and which sends the admin key; it never follows redirects.</summary>
    public HttpClient Http => _http ??= new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = RestUri,
        Timeout = HttpTimeout,
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Admin) },
    };

    /// <summary>Gets the seat API over gRPC.</summary>
    internal ISeatApi Grpc => new GrpcSeatApi(Client);

    /// <summary>Gets the seat API over REST.</summary>
    internal ISeatApi Rest => new RestSeatApi(Http);

    protected override WebApplication Build(string[] args) => SeatGrpcApp.Build(args);

    protected override Uri GetGrpcUri(WebApplication app) => app.Services.GetRequiredService<ListeningPorts>().GrpcUri;

    protected override Uri GetRestUri(WebApplication app) => app.Services.GetRequiredService<ListeningPorts>().RestUri;
}
