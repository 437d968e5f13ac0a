namespace SeatGrpc.Chaos.Tests.Workload;

/// <summary>
/// The small universe of grantees every pool draws from, so that the same people compete for the same few seats: emails
/// (sent in mixed case, which must match case-insensitively), customer ids, external ids, and combinations; plus the
/// customer ids a claimant may give, one of them a grantee's.
/// </summary>
internal static class Grantees
{
    private static readonly Grantee[] People =
    [
        new() { Email = "ada@example.com" },
        new() { Email = "bob@example.com" },
        new() { CustomerId = "cus_cy" },
        new() { ExternalCustomerId = "ext dee 4" },
        new() { Email = "eve@example.com", CustomerId = "cus_eve" },
        new() { Email = "fay@example.org" },
        new() { CustomerId = "cus_gus", ExternalCustomerId = "ext-gus" },
        new() { Email = "hal@example.com" },
    ];

    private static readonly string[] Claimants = ["", "", "cus_cy", "cus_kim", "cus_lou"];

    public static int Count => People.Length;

    /// <summary>The grantee <paramref name="index"/>, its email's case varied by <paramref name="variant"/>.</summary>
    public static Grantee Pick(int index, int variant)
    {
        var grantee = People[(int)((uint)index % (uint)People.Length)].Clone();
        if (grantee.Email.Length > 0)
        {
            grantee.Email = (variant % 3) switch
            {
                1 => grantee.Email.ToUpperInvariant(),
                2 => char.ToUpperInvariant(grantee.Email[0]) + grantee.Email[1..],
                _ => grantee.Email,
            };
        }

        return grantee;
    }

    /// <summary>A claimant's customer id (often none).</summary>
    public static string Claimant(int index) => Claimants[(int)((uint)index % (uint)Claimants.Length)];
}
