namespace SeatGrpc.Server.Hosting;

/// <summary>Placeholder: the REST request guard (strict JSON, query and body size) on transcoded endpoints.</summary>
internal sealed class RestRequestGuard
{
    private readonly RequestDelegate _next;

    public RestRequestGuard(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context) => _next(context);
}
