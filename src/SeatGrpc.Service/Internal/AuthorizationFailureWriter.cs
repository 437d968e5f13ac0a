using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Answers a call that authorization refused like every other error: UNAUTHENTICATED (no, a malformed, an unknown, an
/// expired or a revoked key) or PERMISSION_DENIED (a missing scope), with an ErrorInfo. ASP.NET Core's own answer would
/// be a bare HTTP 401 or 403, which a gRPC client sees without details; so a gRPC call gets a trailers-only response
/// (grpc-status, grpc-message, grpc-status-details-bin) and a REST call the HTTP status with <c>WWW-Authenticate</c>
/// and the <c>google.rpc.Status</c> as its JSON body, as JSON transcoding writes errors.
/// </summary>
internal sealed class AuthorizationFailureWriter : IAuthorizationMiddlewareResultHandler
{
    private readonly ILogger _logger;

    public AuthorizationFailureWriter(ILogger<AuthorizationFailureWriter> logger)
    {
        _logger = logger;
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var scope = MissingScope(authorizeResult.AuthorizationFailure);
            var keyId = context.User.FindFirst(ApiKeyAuthenticationScheme.KeyIdClaim)?.Value ?? string.Empty;
            ServiceLog.ScopeMissing(_logger, context.Request.Path, keyId, scope);
            await WriteAsync(context, StatusMapping.ScopeMissing(scope), $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"").ConfigureAwait(false);
            return;
        }

        // Challenged: the handler's result for this request is cached, so asking again costs nothing.
        var authentication = await context.AuthenticateAsync(ApiKeyAuthenticationScheme.Name).ConfigureAwait(false);
        var rejection = (authentication.Failure as KeyRejectedException)?.Rejection ?? KeyRejection.Missing;
        var challenge = rejection == KeyRejection.Missing ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteAsync(context, StatusMapping.Unauthenticated(rejection), challenge).ConfigureAwait(false);
    }

    private static string MissingScope(AuthorizationFailure? failure) =>
        failure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>().FirstOrDefault()?.AllowedValues?.FirstOrDefault() ?? "(unknown)";

    private static Task WriteAsync(HttpContext context, Google.Rpc.Status status, string challenge)
    {
        if (StatusResponse.IsGrpc(context.Request))
        {
            StatusResponse.WriteTrailersOnly(context.Response, status);
            return Task.CompletedTask;
        }

        context.Response.Headers.WWWAuthenticate = challenge;
        var httpStatus = status.Code == (int)StatusCode.Unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return StatusResponse.WriteJsonAsync(context.Response, httpStatus, status, context.RequestAborted);
    }
}
