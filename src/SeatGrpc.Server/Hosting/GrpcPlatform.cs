using Microsoft.AspNetCore.Authorization;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SeatGrpc.Server.OpenApi;
using SeatGrpc.Service;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// The official gRPC stack as SeatGrpc configures it: Grpc.AspNetCore with JSON transcoding, health checks,
/// reflection and the OpenAPI document, plus our small pieces at its seams (the call log, the REST request guard).
/// </summary>
internal static class GrpcPlatform
{
    /// <summary>The largest message or REST body a call may send (SPEC.md section 5).</summary>
    public const int MaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>How often the database health check runs; Check and Watch answer from its last result.</summary>
    public static readonly TimeSpan HealthPeriod = TimeSpan.FromSeconds(1);

    public static IServiceCollection AddSeatGrpcPlatform(this IServiceCollection services, SeatGrpcSettings settings)
    {
        services.AddSingleton<CallLogInterceptor>();
        services.AddGrpc(options =>
            {
                options.MaxReceiveMessageSize = MaxReceiveMessageSize;
                options.EnableDetailedErrors = false;
            })
            // The seat calls only: the trivial health call stays free of an interceptor pipeline.
            .AddServiceOptions<SeatGrpcService>(options => options.Interceptors.Add<CallLogInterceptor>())
            .AddJsonTranscoding(options =>
            {
                // Error details are Any messages: the REST body decodes them by type.
                options.TypeRegistry = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor);
                options.JsonSettings.IgnoreDefaultValues = false;
                options.JsonSettings.WriteEnumsAsIntegers = false;
                options.JsonSettings.WriteInt64sAsStrings = true; // as the proto3 JSON mapping writes them
            });

        services.AddGrpcHealthChecks(options =>
        {
            // Check answers from the publisher's last result, so the trivial call costs no query.
            options.Services.Map(string.Empty, _ => true);
            options.Services.Map(Seats.V1.SeatService.Descriptor.FullName, _ => true);
            options.UseHealthChecksCache = true;
        });
        services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.Zero;
            options.Period = HealthPeriod;
        });

        services.AddSeatGrpcReflection(
            Seats.V1.SeatService.Descriptor,
            Seats.V1.ApiKeyService.Descriptor,
            Grpc.Health.V1.Health.Descriptor,
            Grpc.Reflection.V1.ServerReflection.Descriptor,
            Grpc.Reflection.V1Alpha.ServerReflection.Descriptor);
        services.AddSeatOpenApi();
        services.AddCallAdmission(settings);
        return services;
    }

    // The keys WebApplication checks before it adds UseAuthentication and UseAuthorization itself.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";
    private const string AuthorizationMiddlewareSetKey = "__AuthorizationMiddlewareSet";

    public static WebApplication MapSeatGrpcPlatform(this WebApplication app)
    {
        // First, so that it runs when every other part of the pipeline is done with the call.
        app.UseMiddleware<CallStateRelease>();

        // ASP.NET Core would add authentication and authorization in front of every request, health checks included;
        // here the anonymous endpoints skip both, and the admission limit (CallAdmission) with them. The two markers tell WebApplication they are in place.
        app.UseWhen(
            static context => context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null,
            static branch =>
            {
                branch.UseAuthentication();
                branch.UseAuthorization();
                branch.UseRateLimiter();
            });
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        ((IApplicationBuilder)app).Properties[AuthorizationMiddlewareSetKey] = true;
        app.UseMiddleware<PlatformErrorDetails>();
        app.UseMiddleware<RestRequestGuard>();
        app.MapGrpcService<SeatGrpcService>().RequireCallAdmission();
        app.MapGrpcService<ApiKeyGrpcService>().RequireCallAdmission();

        // Health and reflection reveal no tenant data: no key, unless the operator asks for one on reflection.
        app.MapGrpcHealthChecksService().AllowAnonymous();
        var reflection = app.MapGrpcReflectionService();
        if (app.Services.GetRequiredService<SeatGrpcSettings>().ReflectionRequiresKey)
        {
            reflection.RequireAuthorization(SeatPolicies.Read);
        }
        else
        {
            reflection.AllowAnonymous();
        }

        app.MapSeatOpenApi();
        return app;
    }
}
