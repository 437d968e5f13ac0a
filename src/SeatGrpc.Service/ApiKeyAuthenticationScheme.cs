namespace SeatGrpc.Service;

/// <summary>The ASP.NET Core authentication scheme of API keys (<c>authorization: Bearer &lt;key&gt;</c>) and its claims.</summary>
public static class ApiKeyAuthenticationScheme
{
    public const string Name = "ApiKey";

    /// <summary>The tenant the key belongs to.</summary>
    public const string TenantClaim = "tenant";

    /// <summary>The key's public id.</summary>
    public const string KeyIdClaim = "key_id";

    /// <summary>One claim per scope the key may use, the implied ones included.</summary>
    public const string ScopeClaim = "scope";
}
