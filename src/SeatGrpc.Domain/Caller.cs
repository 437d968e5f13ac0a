using SeatGrpc.Domain.Internal;

namespace SeatGrpc.Domain;

/// <summary>
/// Who makes a call, as the service layer learnt it from the caller's API key: the tenant whose pools, seats, events
/// and request ids the call may see, and the key's public id, which the events it causes record.
/// </summary>
public sealed record Caller
{
    /// <summary>The tenant of the keys made on first start, and of every row a version-1 database held.</summary>
    public const string DefaultTenant = "default";

    /// <param name="tenant">A tenant id: 1 to 63 characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'.</param>
    /// <param name="keyId">The public id of the caller's API key; null when the change is made by no key (tests, tools).</param>
    /// <exception cref="ArgumentException">The tenant is not a valid id.</exception>
    public Caller(string tenant, string? keyId = null)
    {
        if (!IsTenant(tenant))
        {
            throw new ArgumentException($"'{tenant}' is not a tenant id: use 1 to 63 characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'.", nameof(tenant));
        }

        Tenant = tenant;
        KeyId = keyId;
    }

    public string Tenant { get; }

    public string? KeyId { get; }

    /// <summary>Whether <paramref name="tenant"/> is a valid tenant id.</summary>
    public static bool IsTenant(string? tenant) => ResourceNames.IsId(tenant);
}
