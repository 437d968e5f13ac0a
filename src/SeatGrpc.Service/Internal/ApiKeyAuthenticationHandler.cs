using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Authenticates <c>authorization: Bearer &lt;key&gt;</c> (a gRPC metadata entry is an HTTP/2 header, so one handler
/// serves gRPC and REST) against the <see cref="ApiKeyCache"/>. A rejected key fails with a
/// <see cref="KeyRejectedException"/> naming why, which <see cref="AuthorizationFailureWriter"/> turns into the
/// response; it is logged with the key's public id, never the key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Our log category; the base class's own (this type's name) is turned down to warnings, as it repeats ours.</summary>
    public const string LogCategory = "SeatGrpc.Service.ApiKeys";

    private readonly ApiKeyCache _cache;
    private readonly ILogger _log;

    public ApiKeyAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache)
        : base(options, logger, encoder)
    {
        _cache = cache;
        _log = logger.CreateLogger(LogCategory);
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return Task.FromResult(Reject(KeyRejection.Missing, string.Empty));
        }

        var header = headers.Count == 1 ? headers[0] : null;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(Reject(KeyRejection.Malformed, string.Empty));
        }

        var check = _cache.Check(header.AsSpan(BearerPrefix.Length).Trim());
        return Task.FromResult(check.Entry is { } entry ? AuthenticateResult.Success(entry.Ticket) : Reject(check.Rejection, check.KeyId));
    }

    private AuthenticateResult Reject(KeyRejection rejection, string keyId)
    {
        // A call without a key is routine (a probe, a forgotten header); the others deserve an operator's look.
        if (rejection == KeyRejection.Missing)
        {
            ServiceLog.KeyMissing(_log, Request.Path);
        }
        else
        {
            ServiceLog.KeyRejected(_log, Request.Path, rejection, keyId.Length == 0 ? "(none)" : keyId);
        }

        return AuthenticateResult.Fail(new KeyRejectedException(rejection));
    }
}
