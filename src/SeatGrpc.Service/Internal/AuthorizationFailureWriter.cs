using System.Globalization;
using System.Security.Claims;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
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
    private static readonly JsonFormatter StatusJson = new(
        JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithTypeRegistry(TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor)));

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
        var response = context.Response;
        var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (isGrpc)
        {
            // Trailers-only: the status travels in the one HEADERS frame that ends the stream.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = PercentEncode(status.Message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return Task.CompletedTask;
        }

        response.StatusCode = status.Code == (int)StatusCode.Unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        response.Headers.WWWAuthenticate = challenge;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(StatusJson.Format(status), context.RequestAborted);
    }

    // grpc-message is percent-encoded UTF-8 (PROTOCOL-HTTP2): everything outside printable ASCII, and '%' itself.
    private static string PercentEncode(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
