using Google.Rpc;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>
/// Checks a transcoded request's query string: each parameter must name a field the route leaves to the query (proto
/// or JSON names, dotted for nested fields), at most once unless the field is repeated, with a value of its type.
/// </summary>
internal static class QueryChecker
{
    public static RestRejection? Check(IQueryCollection query, RestRoute route)
    {
        if (query.Count == 0)
        {
            return null;
        }

        List<BadRequest.Types.FieldViolation>? violations = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            var problem = route.ResolveQuery(name, out var path, out var field);
            if (problem is null && field is not null)
            {
                problem = !field.IsRepeated && (values.Count > 1 || !seen.Add(path))
                    ? "Given more than once (a field may appear once, by either of its names)."
                    : values.Select(value => ScalarText.Check(field, value ?? string.Empty)).FirstOrDefault(rule => rule is not null);
            }

            if (problem is not null)
            {
                (violations ??= []).Add(new BadRequest.Types.FieldViolation { Field = path, Description = problem });
            }
        }

        return violations is null ? null : RestRejection.InvalidFields(violations);
    }
}
