using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Drops what a finished call left in its HTTP/2 stream's features: its gRPC call context (with its serialization
/// contexts), its authentication result, its items and its request-services feature (whose scope Kestrel disposes of
/// anyway). Kestrel pools a finished stream for the next request on the connection and clears those features only then;
/// meanwhile the pooled stream, an old object, kept them reachable, so every gen0 collection under load copied them to
/// gen1 (README, issue 10, "Ninth sitting").
/// </summary>
internal sealed class CallStateRelease
{
    private readonly RequestDelegate _next;

    public CallStateRelease(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var call = _next(context);
        if (!call.IsCompletedSuccessfully)
        {
            return ReleaseAfterAsync(call, context.Features);
        }

        Release(context.Features);
        return Task.CompletedTask;
    }

    private static async Task ReleaseAfterAsync(Task call, IFeatureCollection features)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        finally
        {
            Release(features);
        }
    }

    private static void Release(IFeatureCollection features)
    {
        features.Set<IServerCallContextFeature>(null);
        features.Set<IHttpAuthenticationFeature>(null);
        features.Set<IAuthenticateResultFeature>(null);
        features.Set<IItemsFeature>(null);
        features.Set<IAuthenticationFeature>(null);
        features.Set<IServiceProvidersFeature>(null);
    }
}
