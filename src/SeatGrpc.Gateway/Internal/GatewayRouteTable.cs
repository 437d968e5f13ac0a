namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// The compiled routes, tried most specific first: templates with a verb, then those with more
/// literal segments, then without <c>**</c>. Matching works on the raw request path, so escapes
/// decode exactly as http.proto says.
/// </summary>
internal sealed class GatewayRouteTable
{
    private readonly GatewayRoute[] _routes;

    public GatewayRouteTable(IEnumerable<GatewayRoute> routes)
    {
        _routes = routes
            .OrderByDescending(route => route.Template.Verb is not null)
            .ThenByDescending(route => route.Template.LiteralCount)
            .ThenBy(route => route.Template.EndsWithMultiWildcard)
            .ThenByDescending(route => route.Template.Segments.Count)
            .ToArray();
    }

    public IReadOnlyList<GatewayRoute> Routes => _routes;

    public RouteMatch Match(string httpMethod, string rawPath)
    {
        List<string>? allow = null;
        var verbMatched = false;
        foreach (var route in _routes)
        {
            // Templates with a verb come first. Once one matched the path under another method, the path
            // names that custom method: a plain template must not take "x:verb" as an id (405, not 400).
            if (verbMatched && route.Template.Verb is null)
            {
                break;
            }

            if (!route.Template.TryMatch(rawPath, out var values))
            {
                continue;
            }

            if (string.Equals(route.HttpMethod, httpMethod, StringComparison.OrdinalIgnoreCase))
            {
                return new RouteMatch(route, values, []);
            }

            verbMatched |= route.Template.Verb is not null;

            allow ??= [];
            if (!allow.Contains(route.HttpMethod))
            {
                allow.Add(route.HttpMethod);
            }
        }

        allow?.Sort(StringComparer.Ordinal);
        return new RouteMatch(null, [], allow ?? []);
    }

    /// <summary>
    /// The ASP.NET Core route patterns that funnel requests to this table: the first literal
    /// segment of each template followed by a catch-all, or a bare catch-all for templates that
    /// start with a variable.
    /// </summary>
    public IReadOnlyList<string> EndpointPatterns() => _routes
        .Select(route => route.Template.Segments is [{ Kind: PathSegmentKind.Literal } first, _, ..]
            ? "/" + first.DecodedLiteral.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "/{**path}"
            : "/{**path}")
        .Distinct(StringComparer.Ordinal)
        .ToArray();
}
