using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Adds <c>rpc.grpc.status_code</c> to ASP.NET Core's <c>http.server.request.duration</c>: every gRPC call answers HTTP
/// 200, so without it a dashboard cannot tell a failed call from a good one. Registered only while metrics are exported
/// (<see cref="Telemetry"/>); 17 possible values, so the cardinality stays bounded.
/// </summary>
internal sealed class GrpcStatusMetricTag : IMiddleware
{
    public const string TagName = "rpc.grpc.status_code";
    private const string StatusKey = "grpc-status";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context).ConfigureAwait(false);
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics && StatusOf(context) is { } status)
        {
            metrics.Tags.Add(new KeyValuePair<string, object?>(TagName, status));
        }
    }

    /// <summary>The call's gRPC status: in the trailers, or in the headers of a trailers-only answer; null for other requests.</summary>
    private static int? StatusOf(HttpContext context)
    {
        var value = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers[StatusKey] is { Count: > 0 } trailer
            ? trailer
            : context.Response.Headers[StatusKey];
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : null;
    }

    /// <summary>Puts the middleware first in the pipeline, without a line in the host's own pipeline code.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<GrpcStatusMetricTag>();
            next(app);
        };
    }
}
