namespace SeatGrpc.Domain;

/// <summary>
/// The scopes an API key carries. Reads need <see cref="Read"/>, seat changes <see cref="Write"/>, pool and key
/// management <see cref="Admin"/>; write implies read, and admin implies both.
/// </summary>
public static class ApiKeyScopes
{
    public const string Read = "seats:read";
    public const string Write = "seats:write";
    public const string Admin = "seats:admin";

    /// <summary>Every scope, weakest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, Write, Admin];

    /// <summary>
    /// The scopes as given (each one of <see cref="All"/>, at least one), without repeats, in <see cref="All"/> order.
    /// </summary>
    /// <exception cref="SeatDomainException">InvalidArgument: none given, or an unknown scope.</exception>
    public static IReadOnlyList<string> Parse(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            var trimmed = scope.Trim();
            if (!All.Contains(trimmed, StringComparer.Ordinal))
            {
                throw new SeatDomainException(
                    SeatErrorKind.InvalidArgument, $"Unknown scope '{scope}': the scopes are {string.Join(", ", All)}.");
            }

            given.Add(trimmed);
        }

        return given.Count == 0
            ? throw new SeatDomainException(SeatErrorKind.InvalidArgument, $"A key needs at least one scope: {string.Join(", ", All)}.")
            : [.. All.Where(given.Contains)];
    }

    /// <summary>The scopes a key may use: its own and those they imply (admin: all three; write: write and read).</summary>
    public static IReadOnlyList<string> Implied(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var strongest = scopes.Select(scope => All.IndexOf(scope)).DefaultIfEmpty(-1).Max();
        return [.. All.Take(strongest + 1)];
    }

    private static int IndexOf(this IReadOnlyList<string> scopes, string scope)
    {
        for (var i = 0; i < scopes.Count; i++)
        {
            if (string.Equals(scopes[i], scope, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
