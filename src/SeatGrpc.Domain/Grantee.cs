namespace SeatGrpc.Domain;

/// <summary>Who holds a seat: at least one identity. Emails compare case-insensitively.</summary>
public sealed record Grantee(string? Email = null, string? CustomerId = null, string? ExternalCustomerId = null)
{
    public static Grantee ForEmail(string email) => new(Email: email);

    public static Grantee ForCustomer(string customerId) => new(CustomerId: customerId);

    public static Grantee ForExternalCustomer(string externalCustomerId) => new(ExternalCustomerId: externalCustomerId);
}
