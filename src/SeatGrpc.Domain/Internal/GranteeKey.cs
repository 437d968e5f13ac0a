namespace SeatGrpc.Domain.Internal;

/// <summary>A grantee as stored: empty strings dropped, the email's lower-case copy for uniqueness.</summary>
internal sealed record GranteeKey(string? Email, string? EmailNormalized, string? CustomerId, string? ExternalCustomerId)
{
    public static GranteeKey From(Grantee? grantee)
    {
        var email = Blank(grantee?.Email);
        var customerId = Blank(grantee?.CustomerId);
        var externalId = Blank(grantee?.ExternalCustomerId);
        if (email is null && customerId is null && externalId is null)
        {
            throw new SeatDomainException(
                SeatErrorKind.InvalidArgument, "A grantee needs an email, a customer id or an external customer id.");
        }

        return new GranteeKey(email, email?.ToLowerInvariant(), customerId, externalId);
    }

    public Grantee ToGrantee() => new(Email, CustomerId, ExternalCustomerId);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
