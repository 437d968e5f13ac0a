using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SeatGrpc.Testing;

namespace SeatGrpc.Conformance.Tests;

/// <summary>
/// Grpc.AspNetCore on a real Kestrel (127.0.0.1:0, HTTP/2 cleartext) with the conformance echo service, health and
/// reflection: the server the independent clients call.
/// </summary>
public sealed class ConformanceServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>Gets the target as grpcio wants it: <c>127.0.0.1:PORT</c>.</summary>
    public string Target { get; private set; } = string.Empty;

    /// <summary>Gets the base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl => "http://" + Target;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<CallObservations>();
        builder.Services.AddGrpc()
            .AddServiceOptions<ConformanceEchoService>(options => options.ResponseCompressionAlgorithm = "gzip");
        // A service with no checks at all reports UNKNOWN; the echo service is healthy while it runs.
        builder.Services.AddGrpcHealthChecks(options =>
            {
                options.Services.Map(string.Empty, _ => true);
                options.Services.Map("grpc.testing.echo.v1.EchoService", _ => true);
            })
            .AddCheck("echo", () => HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();

        _app = builder.Build();
        _app.Use(RecordEncodings);
        _app.MapGrpcService<ConformanceEchoService>();
        _app.MapGrpcHealthChecksService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync().WithTimeout();
        Target = new Uri(_app.Urls.Single()).Authority;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token).WithTimeout();
            await _app.DisposeAsync();
        }
    }

    // For calls tagged x-test-call-id: the grpc-encoding the request arrived with and the response went out with.
    private static async Task RecordEncodings(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Headers["x-test-call-id"] is [{ } callId])
        {
            var request = context.Request.Headers["grpc-encoding"] is [{ } encoding] ? encoding : "identity";
            var observations = context.RequestServices.GetRequiredService<CallObservations>();
            context.Response.OnStarting(() =>
            {
                var response = context.Response.Headers["grpc-encoding"] is [{ } sent] ? sent : "identity";
                observations.RecordEncodings(callId, request, response);
                return Task.CompletedTask;
            });
        }

        await next(context);
    }
}

/// <summary>The conformance tests that share one server.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceServerDefinition : ICollectionFixture<ConformanceServerFixture>
{
    public const string Name = "Conformance server";
}
