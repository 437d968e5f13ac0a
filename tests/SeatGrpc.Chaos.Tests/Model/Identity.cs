namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>Who holds a seat, as the uniqueness rule compares it: email case-insensitively, ids exactly; empty is unset.</summary>
internal sealed record Identity(string Email, string CustomerId, string ExternalCustomerId)
{
    public static Identity Of(Seat seat) => new(seat.Email, seat.CustomerId, seat.ExternalCustomerId);

    public static Identity Of(Grantee? grantee) =>
        grantee is null ? new Identity("", "", "") : new Identity(grantee.Email, grantee.CustomerId, grantee.ExternalCustomerId);

    /// <summary>The (field, value) keys of which one pool may have one active seat each.</summary>
    public IEnumerable<string> UniqueKeys()
    {
        if (Email.Length > 0)
        {
            yield return "email " + Email.ToLowerInvariant();
        }

        if (CustomerId.Length > 0)
        {
            yield return "customer_id " + CustomerId;
        }

        if (ExternalCustomerId.Length > 0)
        {
            yield return "external_customer_id " + ExternalCustomerId;
        }
    }

    /// <summary>The same person: every field equal, the email case-insensitively.</summary>
    public bool SameAs(Identity other) =>
        string.Equals(Email, other.Email, StringComparison.OrdinalIgnoreCase)
        && CustomerId == other.CustomerId
        && ExternalCustomerId == other.ExternalCustomerId;

    public override string ToString() => $"({Email}|{CustomerId}|{ExternalCustomerId})";
}
