using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SeatGrpc.Server.Hosting;

namespace SeatGrpc.Service.Tests;

/// <summary>The real host, as <c>dotnet run --project src/SeatGrpc.Server</c> builds it, on port 0.</summary>
public sealed class SeatServer : SeatServerFixture
{
    protected override WebApplication Build(string[] args) => SeatGrpcApp.Build(args);

    protected override Uri GetGrpcUri(WebApplication app) => app.Services.GetRequiredService<ListeningPorts>().GrpcUri;

    protected override Uri GetRestUri(WebApplication app) => app.Services.GetRequiredService<ListeningPorts>().RestUri;
}
