using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// One key in the cache, with the authentication ticket built once when the cache loads it, so a call with a valid key
/// allocates nothing for its identity.
/// </summary>
internal sealed class ApiKeyEntry
{
    public ApiKeyEntry(StoredApiKey stored)
    {
        Key = stored.Key;
        Hash = stored.Hash.ToArray();
        var claims = new List<Claim>
        {
            new(ApiKeyAuthenticationScheme.KeyIdClaim, Key.KeyId),
            new(ApiKeyAuthenticationScheme.TenantClaim, Key.Tenant),
        };
        claims.AddRange(ApiKeyScopes.Implied(Key.Scopes).Select(scope => new Claim(ApiKeyAuthenticationScheme.ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyAuthenticationScheme.Name));
        Ticket = new AuthenticationTicket(principal, ApiKeyAuthenticationScheme.Name);
    }

    public ApiKey Key { get; }

    public byte[] Hash { get; }

    public AuthenticationTicket Ticket { get; }
}
