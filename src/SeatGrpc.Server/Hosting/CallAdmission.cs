using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.RateLimiting;
using SeatGrpc.Service.Internal;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Admission control for unary calls, on ASP.NET Core's concurrency limiter: <see cref="SeatGrpcSettings.MaxConcurrentCalls"/>
/// run, <see cref="SeatGrpcSettings.MaxQueuedCalls"/> wait, oldest first, and the rest are refused UNAVAILABLE with reason
/// OVERLOADED (REST: 503 with <c>Retry-After</c>), which a client may retry: nothing was done. Without it an open-loop
/// caller on many HTTP/2 connections can put thousands of calls in flight, and the server's memory grows with them.
/// Streams are not counted: a WatchSeatEvents follower holds its stream for hours.
/// </summary>
internal static class CallAdmission
{
    public const string Policy = "unary-calls";

    public const string OverloadedReason = "OVERLOADED";

    public static IServiceCollection AddCallAdmission(this IServiceCollection services, SeatGrpcSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.AddConcurrencyLimiter(Policy, limiter =>
            {
                limiter.PermitLimit = settings.MaxConcurrentCalls;
                limiter.QueueLimit = settings.MaxQueuedCalls;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            options.OnRejected = (context, cancellationToken) => RefuseAsync(context.HttpContext, settings, cancellationToken);
        });

    /// <summary>Puts the unary methods that <paramref name="builder"/> maps, over gRPC and over REST, under the limit.</summary>
    public static TBuilder RequireCallAdmission<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(static endpoint =>
        {
            if (endpoint.Metadata.OfType<GrpcMethodMetadata>().LastOrDefault()?.Method.Type == Grpc.Core.MethodType.Unary)
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(Policy));
            }
        });
        return builder;
    }

    private static async ValueTask RefuseAsync(HttpContext context, SeatGrpcSettings settings, CancellationToken cancellationToken)
    {
        var status = StatusMapping.Create(
            Grpc.Core.StatusCode.Unavailable,
            OverloadedReason,
            $"The server is running {settings.MaxConcurrentCalls} calls with {settings.MaxQueuedCalls} more waiting; retry with backoff.",
            ("max_concurrent_calls", settings.MaxConcurrentCalls.ToString(CultureInfo.InvariantCulture)),
            ("max_queued_calls", settings.MaxQueuedCalls.ToString(CultureInfo.InvariantCulture)));
        if (StatusResponse.IsGrpc(context.Request))
        {
            StatusResponse.WriteTrailersOnly(context.Response, status);
            return;
        }

        context.Response.Headers.RetryAfter = "1";
        await StatusResponse.WriteJsonAsync(context.Response, StatusCodes.Status503ServiceUnavailable, status, cancellationToken).ConfigureAwait(false);
    }
}
